import type { TemplateExample } from '@backstage/plugin-scaffolder-node';

export const examples: TemplateExample[] = [
  {
    description:
      'Submit a normal change on the component picked in the form, with the risk questionnaire',
    example: `steps:
  - id: change
    name: Request the change
    action: itsm:change:create
    input:
      type: normal
      title: \${{ parameters.title }}
      justification: \${{ parameters.justification }}
      entityRef: \${{ parameters.entityRef }}
      plannedStart: \${{ parameters.plannedStart }}
      plannedEnd: \${{ parameters.plannedEnd }}
      implementationPlan: \${{ parameters.implementationPlan }}
      backoutPlan: \${{ parameters.backoutPlan }}
      testPlan: \${{ parameters.testPlan }}
      riskAnswers: \${{ parameters.riskAnswers }}
output:
  links:
    - title: Open \${{ steps.change.output.id }}
      url: \${{ steps.change.output.url }}`,
  },
  {
    description:
      'An emergency change on two services, sent straight to the emergency CAB',
    example: `steps:
  - id: change
    name: Emergency change
    action: itsm:change:create
    input:
      type: emergency
      title: Rotate the leaked payments API key
      justification: The key was exposed in a public log.
      entityRefs:
        - component:default/payments-service
        - resource:default/payments-db
      plannedStart: 2026-06-01T08:00:00Z
      plannedEnd: 2026-06-01T09:00:00Z
      implementationPlan: Issue a new key, deploy it, revoke the old one.
      backoutPlan: Re-enable the old key from the vault history.
      testPlan: Run the payment smoke tests.
      riskAnswers:
        tested: 'partially'
        outage: 'no'
        backout: 'yes'
        implementers: one_team
        failed_before: 'no'
        data_change: 'no'`,
  },
  {
    description:
      'A standard change from a pre-approved template: its plans and duration fill the rest',
    example: `steps:
  - id: change
    name: Standard change
    action: itsm:change:create
    input:
      type: standard
      templateId: STD-1
      title: Renew the TLS certificate of api-gateway
      entityRef: component:default/api-gateway
      plannedStart: 2026-06-02T06:00:00Z`,
  },
  {
    description:
      'Create the change as a draft only, to finish it in the portal',
    example: `steps:
  - id: change
    name: Draft a change
    action: itsm:change:create
    input:
      title: Upgrade PostgreSQL to 17
      entityRefs: [resource:default/payments-db]
      submit: false`,
  },
];
