import { standardChangeDeviation, standardTemplateRefusal } from './standard';

const template = {
  seq: 4,
  version: 2,
  active: true,
  entityRefs: ['component:default/search', 'component:default/payments-api'],
  implementationPlan: 'Run the rotation job',
  backoutPlan: 'Restore the previous certificate',
  testPlan: null,
};
const change = {
  entityRefs: ['component:default/search'],
  implementationPlan: 'Run the rotation job',
  backoutPlan: 'Restore the previous certificate',
  testPlan: null,
};

describe('standardChangeDeviation', () => {
  it.each([
    ['inside the template', change, undefined],
    [
      'a plan the template leaves empty',
      { ...change, testPlan: 'Mine' },
      undefined,
    ],
    [
      'a service the template does not list',
      {
        ...change,
        entityRefs: ['component:default/search', 'component:default/checkout'],
      },
      {
        field: 'entityRefs',
        message: 'template STD-4 does not cover component:default/checkout',
      },
    ],
    [
      'a replaced plan',
      { ...change, backoutPlan: 'Hope' },
      {
        field: 'backoutPlan',
        message: 'a standard change follows the backoutPlan of template STD-4',
      },
    ],
    [
      'a removed plan',
      { ...change, implementationPlan: null },
      {
        field: 'implementationPlan',
        message: expect.stringContaining('STD-4'),
      },
    ],
  ])('%s', (_, candidate, expected) => {
    expect(standardChangeDeviation(candidate, template)).toEqual(expected);
  });

  it('lets a template without entities cover any', () => {
    expect(
      standardChangeDeviation(
        { ...change, entityRefs: ['component:default/anything'] },
        { ...template, entityRefs: [] },
      ),
    ).toBeUndefined();
  });
});

describe('standardTemplateRefusal', () => {
  it('schedules from the active template version the change was raised from, nothing else', () => {
    expect(
      standardTemplateRefusal({ templateVersion: 2 }, template),
    ).toBeUndefined();
    expect(standardTemplateRefusal({ templateVersion: 1 }, template)).toMatch(
      /STD-4 changed since .*version 1, now 2/,
    );
    expect(
      standardTemplateRefusal(
        { templateVersion: 2 },
        { ...template, active: false },
      ),
    ).toMatch(/STD-4 is retired/);
    expect(standardTemplateRefusal({ templateVersion: 2 }, undefined)).toMatch(
      /no longer exists/,
    );
  });
});
