import { mockServices } from '@backstage/backend-test-utils';
import { RISK_QUESTIONNAIRE } from '@backstage-itsm/plugin-itsm-common';
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { createItsmChangeCreateAction } from './actions/createChange';
import { createItsmIncidentCreateAction } from './actions/createIncident';

const templatesDir = path.resolve(__dirname, '../../../examples/templates');

function readTemplate(name: string) {
  return parse(
    fs.readFileSync(path.join(templatesDir, name, 'template.yaml'), 'utf8'),
  );
}

const services = {
  discovery: mockServices.discovery(),
  auth: mockServices.auth(),
  config: mockServices.rootConfig({
    data: { app: { baseUrl: 'http://localhost:3000' } },
  }),
};

describe('the demo templates', () => {
  it('"Request a change" asks the risk questionnaire of -common, every question required', () => {
    const template = readTemplate('request-change');
    const riskAnswers = template.spec.parameters
      .flatMap((page: any) => Object.entries(page.properties))
      .find(([name]: [string]) => name === 'riskAnswers')[1];

    expect(riskAnswers.required).toEqual(RISK_QUESTIONNAIRE.map(q => q.id));
    expect(riskAnswers.properties).toEqual(
      Object.fromEntries(
        RISK_QUESTIONNAIRE.map(q => [
          q.id,
          {
            title: q.text,
            type: 'string',
            enum: q.answers.map(a => a.id),
            enumNames: q.answers.map(a => a.text),
            'ui:widget': 'radio',
          },
        ]),
      ),
    );
  });

  it.each([
    ['request-change', createItsmChangeCreateAction],
    ['raise-incident', createItsmIncidentCreateAction],
  ])(
    '%s passes its action only inputs the action declares, and links to its output url',
    (name, createAction) => {
      const template = readTemplate(name);
      const action = createAction(services);
      const [step] = template.spec.steps;

      expect(step.action).toBe(action.id);
      const declared = Object.keys(
        (action.schema?.input as any).properties ?? {},
      );
      expect(declared).toEqual(expect.arrayContaining(Object.keys(step.input)));
      for (const required of (action.schema?.input as any).required ?? []) {
        expect(step.input).toHaveProperty(required);
      }
      expect(template.spec.output.links[0].url).toBe(
        `\${{ steps.${step.id}.output.url }}`,
      );
    },
  );
});
