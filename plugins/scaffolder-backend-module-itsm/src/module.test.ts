import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import {
  type TemplateAction,
  scaffolderActionsExtensionPoint,
} from '@backstage/plugin-scaffolder-node';
import { scaffolderModuleItsm } from './module';

describe('scaffolderModuleItsm', () => {
  it('adds the ITSM actions to the scaffolder, with their input schemas and examples', async () => {
    const actions: TemplateAction<any, any>[] = [];
    await startTestBackend({
      extensionPoints: [
        [
          scaffolderActionsExtensionPoint,
          {
            addActions: (...added: TemplateAction<any, any>[]) =>
              actions.push(...added),
          },
        ],
      ],
      features: [
        scaffolderModuleItsm,
        mockServices.rootConfig.factory({
          data: { app: { baseUrl: 'http://localhost:3000' } },
        }),
      ],
    });

    expect(actions.map(a => a.id)).toEqual([
      'itsm:change:create',
      'itsm:incident:create',
    ]);
    const [change, incident] = actions;
    expect(change.supportsDryRun).toBe(true);
    expect(change.schema?.input).toMatchObject({
      type: 'object',
      required: ['title'],
      properties: {
        type: { enum: ['normal', 'emergency', 'standard'], default: 'normal' },
        submit: { type: 'boolean', default: true },
        entityRefs: { type: 'array', items: { type: 'string' } },
        riskAnswers: { type: 'object' },
      },
    });
    expect(change.examples?.length).toBeGreaterThan(0);
    expect(incident.schema?.input).toMatchObject({
      required: ['title', 'entityRef', 'impact', 'urgency'],
      properties: { impact: { type: 'integer', minimum: 1, maximum: 3 } },
    });
  });
});
