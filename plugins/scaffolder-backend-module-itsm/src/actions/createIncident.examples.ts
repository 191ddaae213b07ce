import type { TemplateExample } from '@backstage/plugin-scaffolder-node';

export const examples: TemplateExample[] = [
  {
    description: 'Raise an incident on the component picked in the form',
    example: `steps:
  - id: incident
    name: Raise the incident
    action: itsm:incident:create
    input:
      title: \${{ parameters.title }}
      description: \${{ parameters.description }}
      entityRef: \${{ parameters.entityRef }}
      impact: \${{ parameters.impact }}
      urgency: \${{ parameters.urgency }}
output:
  links:
    - title: Open \${{ steps.incident.output.id }}
      url: \${{ steps.incident.output.url }}`,
  },
  {
    description:
      'Raise a high-impact incident that also affects the services depending on a database',
    example: `steps:
  - id: incident
    name: Raise the incident
    action: itsm:incident:create
    input:
      title: payments-db replication lag above 5 minutes
      entityRef: resource:default/payments-db
      affectedEntityRefs:
        - component:default/payments-service
        - component:default/ledger-service
      impact: 1
      urgency: 2
      category: performance
      subcategory: latency`,
  },
  {
    description:
      'Raise an incident and show the known errors offered for it, with their workarounds, when the task ends',
    example: `steps:
  - id: incident
    name: Raise the incident
    action: itsm:incident:create
    input:
      title: \${{ parameters.title }}
      description: \${{ parameters.description }}
      entityRef: \${{ parameters.entityRef }}
      impact: \${{ parameters.impact }}
      urgency: \${{ parameters.urgency }}
      category: \${{ parameters.category }}
output:
  links:
    - title: Open \${{ steps.incident.output.id }}
      url: \${{ steps.incident.output.url }}
  text:
    - title: Known errors that may apply
      content: |
        {%- for ke in steps.incident.output.knownErrors %}
        - [\${{ ke.id }} \${{ ke.title }}](\${{ ke.url }}){% if ke.upstream %} (on an upstream dependency){% endif %}: \${{ ke.workaround }}
        {%- else %}
        No known error matches this incident.
        {%- endfor %}`,
  },
];
