// GENERATED FILE: do not edit. Edit openapi.yaml, then run `yarn generate`
// (scripts/generate-openapi-spec.js) in plugins/itsm-backend.

export const spec = {
  openapi: '3.1.0',
  info: {
    title: 'itsm',
    version: '1',
    description:
      'ITSM for Backstage: incidents, SLA clocks, service health and change enablement on top of the software catalog. Mounted at /api/itsm.',
    license: {
      name: 'Apache-2.0',
      url: 'http://www.apache.org/licenses/LICENSE-2.0.html',
    },
  },
  servers: [
    {
      url: '/',
    },
  ],
  tags: [
    {
      name: 'incidents',
    },
    {
      name: 'service-health',
    },
    {
      name: 'impact',
    },
    {
      name: 'changes',
    },
    {
      name: 'change-templates',
    },
  ],
  paths: {
    '/incidents': {
      get: {
        tags: ['incidents'],
        operationId: 'listIncidents',
        summary:
          'Incidents, newest first, filtered and paged by an opaque cursor.',
        parameters: [
          {
            name: 'entityRef',
            in: 'query',
            allowReserved: true,
            description:
              'Matches the primary and the affected entities (case-insensitive). Repeat for several.',
            schema: {
              type: 'array',
              items: {
                type: 'string',
                minLength: 1,
                maxLength: 255,
              },
            },
            style: 'form',
            explode: true,
          },
          {
            name: 'status',
            in: 'query',
            allowReserved: true,
            schema: {
              type: 'array',
              items: {
                $ref: '#/components/schemas/IncidentStatus',
              },
            },
            style: 'form',
            explode: true,
          },
          {
            name: 'priority',
            in: 'query',
            allowReserved: true,
            schema: {
              type: 'array',
              items: {
                $ref: '#/components/schemas/Priority',
              },
            },
            style: 'form',
            explode: true,
          },
          {
            name: 'assignee',
            in: 'query',
            allowReserved: true,
            schema: {
              type: 'array',
              items: {
                type: 'string',
                minLength: 1,
                maxLength: 255,
              },
            },
            style: 'form',
            explode: true,
          },
          {
            name: 'assignmentGroup',
            in: 'query',
            allowReserved: true,
            schema: {
              type: 'array',
              items: {
                type: 'string',
                minLength: 1,
                maxLength: 255,
              },
            },
            style: 'form',
            explode: true,
          },
          {
            name: 'major',
            in: 'query',
            allowReserved: true,
            schema: {
              type: 'string',
              enum: ['true', 'false'],
            },
          },
          {
            name: 'q',
            in: 'query',
            allowReserved: true,
            description: 'Free text searched in title and description.',
            schema: {
              type: 'string',
              maxLength: 200,
            },
          },
          {
            name: 'causedByChangeId',
            in: 'query',
            allowReserved: true,
            description:
              'Incidents caused by the change (CHG-n). Repeat for several.',
            schema: {
              type: 'array',
              items: {
                type: 'string',
                pattern: '^CHG-\\d+$',
              },
            },
            style: 'form',
            explode: true,
          },
          {
            name: 'queue',
            in: 'query',
            allowReserved: true,
            description:
              "`mine`: incidents assigned to the caller, or to a group among the caller's ownership refs (needs a user).",
            schema: {
              type: 'string',
              enum: ['mine'],
            },
          },
          {
            $ref: '#/components/parameters/limit',
          },
          {
            $ref: '#/components/parameters/cursor',
          },
          {
            name: 'order',
            in: 'query',
            allowReserved: true,
            schema: {
              type: 'string',
              enum: ['asc', 'desc'],
              default: 'desc',
            },
          },
        ],
        responses: {
          '200': {
            description: 'A page of incidents.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/IncidentPage',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
      post: {
        tags: ['incidents'],
        operationId: 'createIncident',
        summary: 'Raises an incident on a catalog entity.',
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/IncidentCreate',
              },
            },
          },
        },
        responses: {
          '201': {
            description: 'The created incident.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Incident',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/incidents/{id}': {
      get: {
        tags: ['incidents'],
        operationId: 'getIncident',
        parameters: [
          {
            $ref: '#/components/parameters/incidentId',
          },
        ],
        responses: {
          '200': {
            description: 'The incident; `ETag` carries its version.',
            headers: {
              ETag: {
                schema: {
                  type: 'string',
                },
              },
            },
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Incident',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
      patch: {
        tags: ['incidents'],
        operationId: 'patchIncident',
        summary:
          'Edits the editable fields. Status, priority, SLA, version, id and timestamps are not editable (400). A no-op writes nothing. An impact or urgency change re-derives the priority and re-targets the running SLA clocks.',
        parameters: [
          {
            $ref: '#/components/parameters/incidentId',
          },
          {
            $ref: '#/components/parameters/ifMatch',
          },
        ],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/IncidentPatch',
              },
            },
          },
        },
        responses: {
          '200': {
            description:
              'The incident after the edit; `ETag` carries its version.',
            headers: {
              ETag: {
                schema: {
                  type: 'string',
                },
              },
            },
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Incident',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/incidents/{id}/transitions': {
      post: {
        tags: ['incidents'],
        operationId: 'transitionIncident',
        summary:
          'Moves an incident through its lifecycle. 409 for a move not allowed from the current status or any move of a closed or cancelled incident; 400 for fields the move requires (onHoldReason; resolutionCode and resolutionNotes; a post-incident review to close a major incident).',
        parameters: [
          {
            $ref: '#/components/parameters/incidentId',
          },
          {
            $ref: '#/components/parameters/ifMatch',
          },
        ],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/IncidentTransition',
              },
            },
          },
        },
        responses: {
          '200': {
            description:
              'The incident after the move; `ETag` carries its version.',
            headers: {
              ETag: {
                schema: {
                  type: 'string',
                },
              },
            },
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Incident',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/incidents/{id}/work-notes': {
      post: {
        tags: ['incidents'],
        operationId: 'addIncidentWorkNote',
        summary:
          'Adds a work note to the history (action work_note). Takes no If-Match and does not change the version; 409 on a closed or cancelled incident.',
        parameters: [
          {
            $ref: '#/components/parameters/incidentId',
          },
        ],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/IncidentNote',
              },
            },
          },
        },
        responses: {
          '201': {
            description: 'The history event.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/HistoryEvent',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/incidents/{id}/updates': {
      post: {
        tags: ['incidents'],
        operationId: 'addIncidentStatusUpdate',
        summary:
          "Adds a status update to a major incident's communication timeline (action status_update). Takes no If-Match and does not change the version; 409 unless the incident is major and open.",
        parameters: [
          {
            $ref: '#/components/parameters/incidentId',
          },
        ],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/IncidentNote',
              },
            },
          },
        },
        responses: {
          '201': {
            description: 'The history event.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/HistoryEvent',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/incidents/{id}/history': {
      get: {
        tags: ['incidents'],
        operationId: 'getIncidentHistory',
        summary: 'The append-only history of an incident, oldest first.',
        parameters: [
          {
            $ref: '#/components/parameters/incidentId',
          },
          {
            $ref: '#/components/parameters/limit',
          },
          {
            $ref: '#/components/parameters/cursor',
          },
        ],
        responses: {
          '200': {
            description: 'A page of history events.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/HistoryPage',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/service-health': {
      get: {
        tags: ['service-health'],
        operationId: 'getServiceHealth',
        summary:
          'Health of one catalog entity from its open incidents and SLA clocks.',
        parameters: [
          {
            name: 'entityRef',
            in: 'query',
            allowReserved: true,
            required: true,
            schema: {
              type: 'string',
              minLength: 1,
              maxLength: 255,
            },
          },
        ],
        responses: {
          '200': {
            description: 'The service health.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/ServiceHealth',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/impact': {
      get: {
        tags: ['impact'],
        operationId: 'getImpact',
        summary:
          'Impact analysis over catalog relations: the blast radius (downstream) or the dependencies (upstream) of an entity, breadth-first to a depth.',
        parameters: [
          {
            name: 'entityRef',
            in: 'query',
            allowReserved: true,
            required: true,
            schema: {
              type: 'string',
              minLength: 1,
              maxLength: 255,
            },
          },
          {
            name: 'direction',
            in: 'query',
            allowReserved: true,
            description:
              'downstream follows dependencyOf, providesApi, apiConsumedBy and partOf (what suffers when the entity fails); upstream follows dependsOn, consumesApi, apiProvidedBy and hasPart (what it depends on).',
            schema: {
              type: 'string',
              enum: ['downstream', 'upstream'],
              default: 'downstream',
            },
          },
          {
            name: 'depth',
            in: 'query',
            allowReserved: true,
            description: 'Relation hops to follow.',
            schema: {
              type: 'integer',
              minimum: 1,
              maximum: 5,
              default: 3,
            },
          },
        ],
        responses: {
          '200': {
            description:
              'The entities reached, nearest first; the entity itself is not among them.',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  required: ['entityRef', 'direction', 'depth', 'items'],
                  properties: {
                    entityRef: {
                      type: 'string',
                    },
                    direction: {
                      type: 'string',
                      enum: ['downstream', 'upstream'],
                    },
                    depth: {
                      type: 'integer',
                    },
                    items: {
                      type: 'array',
                      items: {
                        type: 'object',
                        required: [
                          'entityRef',
                          'kind',
                          'name',
                          'distance',
                          'via',
                        ],
                        properties: {
                          entityRef: {
                            type: 'string',
                          },
                          kind: {
                            type: 'string',
                          },
                          name: {
                            type: 'string',
                          },
                          title: {
                            type: 'string',
                          },
                          tier: {
                            type: 'integer',
                            enum: [1, 2, 3, 4],
                          },
                          distance: {
                            type: 'integer',
                            minimum: 1,
                          },
                          via: {
                            type: 'string',
                            description:
                              'The ref this entity was reached from.',
                          },
                        },
                      },
                    },
                  },
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/changes': {
      get: {
        tags: ['changes'],
        operationId: 'listChanges',
        summary:
          'Changes, newest first, filtered and paged by an opaque cursor.',
        parameters: [
          {
            name: 'entityRef',
            in: 'query',
            allowReserved: true,
            description:
              'Matches the affected entities (case-insensitive). Repeat for several.',
            schema: {
              type: 'array',
              items: {
                type: 'string',
                minLength: 1,
                maxLength: 255,
              },
            },
            style: 'form',
            explode: true,
          },
          {
            name: 'status',
            in: 'query',
            allowReserved: true,
            schema: {
              type: 'array',
              items: {
                $ref: '#/components/schemas/ChangeStatus',
              },
            },
            style: 'form',
            explode: true,
          },
          {
            name: 'type',
            in: 'query',
            allowReserved: true,
            schema: {
              type: 'array',
              items: {
                $ref: '#/components/schemas/ChangeType',
              },
            },
            style: 'form',
            explode: true,
          },
          {
            name: 'risk',
            in: 'query',
            allowReserved: true,
            schema: {
              type: 'array',
              items: {
                $ref: '#/components/schemas/RiskLevel',
              },
            },
            style: 'form',
            explode: true,
          },
          {
            name: 'requester',
            in: 'query',
            allowReserved: true,
            schema: {
              type: 'array',
              items: {
                type: 'string',
                minLength: 1,
                maxLength: 255,
              },
            },
            style: 'form',
            explode: true,
          },
          {
            name: 'q',
            in: 'query',
            allowReserved: true,
            description: 'Free text searched in title and justification.',
            schema: {
              type: 'string',
              maxLength: 200,
            },
          },
          {
            $ref: '#/components/parameters/limit',
          },
          {
            $ref: '#/components/parameters/cursor',
          },
          {
            name: 'order',
            in: 'query',
            allowReserved: true,
            schema: {
              type: 'string',
              enum: ['asc', 'desc'],
              default: 'desc',
            },
          },
        ],
        responses: {
          '200': {
            description: 'A page of changes.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/ChangePage',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
      post: {
        tags: ['changes'],
        operationId: 'createChange',
        summary:
          'Submits a change as a draft; the caller is the requester. A standard change names its active template (templateId) and copies its plans where the body gives none.',
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/ChangeCreate',
              },
            },
          },
        },
        responses: {
          '201': {
            description: 'The created change.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Change',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/changes/{id}': {
      get: {
        tags: ['changes'],
        operationId: 'getChange',
        summary:
          "A change with outstandingApprovals and the caller's canDecide, computed now.",
        parameters: [
          {
            $ref: '#/components/parameters/changeId',
          },
        ],
        responses: {
          '200': {
            description: 'The change; `ETag` carries its version.',
            headers: {
              ETag: {
                schema: {
                  type: 'string',
                },
              },
            },
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Change',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
      patch: {
        tags: ['changes'],
        operationId: 'patchChange',
        summary:
          'Edits the editable fields. An edit of the plans, the window or the entities raises planRevision (votes on the previous revision stop counting; in authorization the approvers are asked again). 409 for plan edits after authorization. A no-op writes nothing.',
        parameters: [
          {
            $ref: '#/components/parameters/changeId',
          },
          {
            $ref: '#/components/parameters/ifMatch',
          },
        ],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/ChangePatch',
              },
            },
          },
        },
        responses: {
          '200': {
            description: 'The change after the edit.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Change',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/changes/{id}/transitions': {
      post: {
        tags: ['changes'],
        operationId: 'transitionChange',
        summary:
          'Moves a change through its lifecycle. Entering authorization snapshots the required approvals; authorization → scheduled is made only by the deciding vote (409); a freeze window blocks scheduling except for emergency changes (409).',
        parameters: [
          {
            $ref: '#/components/parameters/changeId',
          },
          {
            $ref: '#/components/parameters/ifMatch',
          },
        ],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/ChangeTransition',
              },
            },
          },
        },
        responses: {
          '200': {
            description: 'The change after the move.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Change',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/changes/{id}/approvals': {
      post: {
        tags: ['changes'],
        operationId: 'decideChange',
        summary:
          'A vote on the current plan revision (no If-Match). 403 for the requester or someone who is not a required approver; 409 outside authorization or for a second vote on the same revision. The deciding vote moves the change to scheduled or rejected.',
        parameters: [
          {
            $ref: '#/components/parameters/changeId',
          },
        ],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/ApprovalDecision',
              },
            },
          },
        },
        responses: {
          '200': {
            description: 'The change after the vote.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Change',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/changes/{id}/history': {
      get: {
        tags: ['changes'],
        operationId: 'getChangeHistory',
        summary: 'The append-only history of a change, oldest first.',
        parameters: [
          {
            $ref: '#/components/parameters/changeId',
          },
          {
            $ref: '#/components/parameters/limit',
          },
          {
            $ref: '#/components/parameters/cursor',
          },
        ],
        responses: {
          '200': {
            description: 'A page of history events.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/HistoryPage',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/approval-queue': {
      get: {
        tags: ['changes'],
        operationId: 'getApprovalQueue',
        summary:
          "Changes in authorization waiting for the caller's decision: a required approver whose requirement is outstanding, not the requester, no vote yet on the current revision.",
        responses: {
          '200': {
            description: 'The changes, oldest first.',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  required: ['items'],
                  properties: {
                    items: {
                      type: 'array',
                      items: {
                        $ref: '#/components/schemas/Change',
                      },
                    },
                  },
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/change-assessments': {
      post: {
        tags: ['changes'],
        operationId: 'assessChange',
        summary:
          'Risk with reasons, required approvals (the caller as requester), conflicts and the freeze check of a change as the form has it. Writes nothing.',
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/ChangeAssessmentRequest',
              },
            },
          },
        },
        responses: {
          '200': {
            description: 'The assessment.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/ChangeAssessment',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/change-calendar': {
      get: {
        tags: ['changes'],
        operationId: 'getChangeCalendar',
        summary:
          'Changes with a window in the range (all but draft, rejected and cancelled), each with its conflicts computed now, and the freeze windows overlapping the range.',
        parameters: [
          {
            name: 'from',
            in: 'query',
            allowReserved: true,
            required: true,
            schema: {
              type: 'string',
              format: 'date-time',
            },
          },
          {
            name: 'to',
            in: 'query',
            allowReserved: true,
            required: true,
            description: 'At most 100 days after from.',
            schema: {
              type: 'string',
              format: 'date-time',
            },
          },
          {
            name: 'entityRef',
            in: 'query',
            allowReserved: true,
            schema: {
              type: 'array',
              items: {
                type: 'string',
                minLength: 1,
                maxLength: 255,
              },
            },
            style: 'form',
            explode: true,
          },
          {
            name: 'owner',
            in: 'query',
            allowReserved: true,
            description:
              'Group ref owning an affected entity. Repeat for several.',
            schema: {
              type: 'array',
              items: {
                type: 'string',
                minLength: 1,
                maxLength: 255,
              },
            },
            style: 'form',
            explode: true,
          },
          {
            name: 'system',
            in: 'query',
            allowReserved: true,
            description:
              'System ref an affected entity is part of. Repeat for several.',
            schema: {
              type: 'array',
              items: {
                type: 'string',
                minLength: 1,
                maxLength: 255,
              },
            },
            style: 'form',
            explode: true,
          },
        ],
        responses: {
          '200': {
            description: 'The calendar.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/ChangeCalendar',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/change-stats': {
      get: {
        tags: ['changes'],
        operationId: 'getChangeStats',
        summary:
          'Change-failure figures of an entity: changes in review or closed whose actual end lies in the last `days` days; failed = outcome failed or backed_out, or named by an incident.',
        parameters: [
          {
            name: 'entityRef',
            in: 'query',
            allowReserved: true,
            required: true,
            schema: {
              type: 'string',
              minLength: 1,
              maxLength: 255,
            },
          },
          {
            name: 'days',
            in: 'query',
            allowReserved: true,
            schema: {
              type: 'integer',
              minimum: 1,
              maximum: 730,
              default: 90,
            },
          },
        ],
        responses: {
          '200': {
            description: 'The figures.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/ChangeStats',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/change-templates': {
      get: {
        tags: ['change-templates'],
        operationId: 'listChangeTemplates',
        summary: 'Standard change templates, newest first.',
        parameters: [
          {
            name: 'entityRef',
            in: 'query',
            allowReserved: true,
            description:
              'Templates usable on the entity (listed for it, or for any entity).',
            schema: {
              type: 'array',
              items: {
                type: 'string',
                minLength: 1,
                maxLength: 255,
              },
            },
            style: 'form',
            explode: true,
          },
          {
            name: 'active',
            in: 'query',
            allowReserved: true,
            schema: {
              type: 'string',
              enum: ['true', 'false'],
            },
          },
          {
            $ref: '#/components/parameters/limit',
          },
          {
            $ref: '#/components/parameters/cursor',
          },
        ],
        responses: {
          '200': {
            description: 'A page of templates.',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  required: ['items', 'nextCursor'],
                  properties: {
                    items: {
                      type: 'array',
                      items: {
                        $ref: '#/components/schemas/ChangeTemplate',
                      },
                    },
                    nextCursor: {
                      type: ['string', 'null'],
                    },
                  },
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
      post: {
        tags: ['change-templates'],
        operationId: 'createChangeTemplate',
        summary:
          'Creates a standard change template (itsm.change.template.manage).',
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/ChangeTemplateCreate',
              },
            },
          },
        },
        responses: {
          '201': {
            description: 'The created template.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/ChangeTemplate',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/change-templates/{id}': {
      get: {
        tags: ['change-templates'],
        operationId: 'getChangeTemplate',
        parameters: [
          {
            $ref: '#/components/parameters/templateId',
          },
        ],
        responses: {
          '200': {
            description: 'The template; `ETag` carries its version.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/ChangeTemplate',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
      patch: {
        tags: ['change-templates'],
        operationId: 'patchChangeTemplate',
        summary: 'Edits a template; every edit raises its version.',
        parameters: [
          {
            $ref: '#/components/parameters/templateId',
          },
          {
            $ref: '#/components/parameters/ifMatch',
          },
        ],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/ChangeTemplatePatch',
              },
            },
          },
        },
        responses: {
          '200': {
            description: 'The template after the edit.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/ChangeTemplate',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/change-templates/{id}/history': {
      get: {
        tags: ['change-templates'],
        operationId: 'getChangeTemplateHistory',
        summary: 'The append-only history of a template, oldest first.',
        parameters: [
          {
            $ref: '#/components/parameters/templateId',
          },
          {
            $ref: '#/components/parameters/limit',
          },
          {
            $ref: '#/components/parameters/cursor',
          },
        ],
        responses: {
          '200': {
            description: 'A page of history events.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/HistoryPage',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
  },
  components: {
    parameters: {
      incidentId: {
        name: 'id',
        in: 'path',
        required: true,
        description: 'The incident id, e.g. INC-42.',
        schema: {
          type: 'string',
          maxLength: 32,
        },
      },
      changeId: {
        name: 'id',
        in: 'path',
        required: true,
        description: 'The change id, e.g. CHG-311.',
        schema: {
          type: 'string',
          maxLength: 32,
        },
      },
      templateId: {
        name: 'id',
        in: 'path',
        required: true,
        description: 'The standard change template id, e.g. STD-3.',
        schema: {
          type: 'string',
          maxLength: 32,
        },
      },
      limit: {
        name: 'limit',
        in: 'query',
        allowReserved: true,
        description: 'Page size, at most 200.',
        schema: {
          type: 'integer',
          minimum: 1,
          maximum: 200,
          default: 50,
        },
      },
      cursor: {
        name: 'cursor',
        in: 'query',
        allowReserved: true,
        description: 'The nextCursor of the previous page.',
        schema: {
          type: 'string',
          maxLength: 200,
        },
      },
      ifMatch: {
        name: 'If-Match',
        in: 'header',
        required: false,
        description:
          'The version the change is based on, quoted, e.g. "3". Stale → 412.',
        schema: {
          type: 'string',
          maxLength: 32,
        },
      },
    },
    responses: {
      ErrorResponse: {
        description: 'An error, as a Backstage error body.',
        content: {
          'application/json': {
            schema: {
              $ref: '#/components/schemas/Error',
            },
          },
        },
      },
    },
    schemas: {
      Error: {
        type: 'object',
        required: ['error', 'response'],
        properties: {
          error: {
            type: 'object',
            required: ['name', 'message'],
            properties: {
              name: {
                type: 'string',
              },
              message: {
                type: 'string',
              },
            },
          },
          request: {
            type: 'object',
            properties: {
              method: {
                type: 'string',
              },
              url: {
                type: 'string',
              },
            },
          },
          response: {
            type: 'object',
            required: ['statusCode'],
            properties: {
              statusCode: {
                type: 'integer',
              },
            },
          },
        },
      },
      EntityRef: {
        type: 'string',
        description: 'A full entity ref, kind:namespace/name.',
        minLength: 1,
        maxLength: 255,
      },
      Level: {
        type: 'integer',
        description: '1 = high, 3 = low.',
        enum: [1, 2, 3],
      },
      Priority: {
        type: 'integer',
        description: 'P1 (critical) to P5 (planning).',
        enum: [1, 2, 3, 4, 5],
      },
      IncidentStatus: {
        type: 'string',
        enum: [
          'new',
          'in_progress',
          'on_hold',
          'resolved',
          'closed',
          'cancelled',
        ],
      },
      IncidentSource: {
        type: 'string',
        enum: ['portal', 'api', 'alertmanager', 'pagerduty', 'scaffolder'],
      },
      IncidentCreate: {
        type: 'object',
        additionalProperties: {
          not: {},
        },
        required: ['title', 'entityRef', 'impact', 'urgency'],
        properties: {
          title: {
            type: 'string',
            minLength: 1,
            maxLength: 200,
          },
          description: {
            type: 'string',
            maxLength: 65536,
            description: 'Markdown.',
          },
          entityRef: {
            $ref: '#/components/schemas/EntityRef',
          },
          affectedEntityRefs: {
            type: 'array',
            maxItems: 100,
            items: {
              $ref: '#/components/schemas/EntityRef',
            },
          },
          impact: {
            $ref: '#/components/schemas/Level',
          },
          urgency: {
            $ref: '#/components/schemas/Level',
          },
          category: {
            type: ['string', 'null'],
            maxLength: 100,
          },
          assignee: {
            type: ['string', 'null'],
            maxLength: 255,
          },
          assignmentGroup: {
            type: ['string', 'null'],
            maxLength: 255,
          },
          source: {
            $ref: '#/components/schemas/IncidentSource',
          },
          externalId: {
            type: ['string', 'null'],
            minLength: 1,
            maxLength: 255,
          },
          causedByChangeId: {
            type: ['string', 'null'],
            pattern: '^CHG-\\d+$',
            description:
              'The change that caused the incident; 400 when it does not exist.',
          },
        },
      },
      PostIncidentReview: {
        type: 'object',
        additionalProperties: {
          not: {},
        },
        required: ['summary'],
        properties: {
          summary: {
            type: 'string',
            minLength: 1,
            maxLength: 65536,
          },
          rootCause: {
            type: 'string',
            maxLength: 65536,
          },
          lessonsLearned: {
            type: 'string',
            maxLength: 65536,
          },
          problemId: {
            type: 'string',
            pattern: '^PRB-\\d+$',
          },
        },
      },
      IncidentPatch: {
        type: 'object',
        additionalProperties: {
          not: {},
        },
        properties: {
          title: {
            type: 'string',
            minLength: 1,
            maxLength: 200,
          },
          description: {
            type: 'string',
            maxLength: 65536,
            description: 'Markdown.',
          },
          affectedEntityRefs: {
            type: 'array',
            maxItems: 100,
            items: {
              $ref: '#/components/schemas/EntityRef',
            },
          },
          impact: {
            $ref: '#/components/schemas/Level',
          },
          urgency: {
            $ref: '#/components/schemas/Level',
          },
          category: {
            type: ['string', 'null'],
            maxLength: 100,
          },
          assignee: {
            type: ['string', 'null'],
            maxLength: 255,
          },
          assignmentGroup: {
            type: ['string', 'null'],
            maxLength: 255,
          },
          major: {
            type: 'boolean',
          },
          incidentManager: {
            type: ['string', 'null'],
            maxLength: 255,
          },
          parentId: {
            type: ['string', 'null'],
            pattern: '^INC-\\d+$',
          },
          causedByChangeId: {
            type: ['string', 'null'],
            pattern: '^CHG-\\d+$',
            description:
              'The change that caused the incident; 400 when it does not exist.',
          },
          outageStart: {
            type: ['string', 'null'],
            format: 'date-time',
          },
          outageEnd: {
            type: ['string', 'null'],
            format: 'date-time',
          },
          postIncidentReview: {
            oneOf: [
              {
                $ref: '#/components/schemas/PostIncidentReview',
              },
              {
                type: 'null',
              },
            ],
          },
        },
      },
      IncidentTransition: {
        type: 'object',
        additionalProperties: {
          not: {},
        },
        required: ['to'],
        properties: {
          to: {
            $ref: '#/components/schemas/IncidentStatus',
          },
          onHoldReason: {
            type: 'string',
            enum: [
              'awaiting_caller',
              'awaiting_change',
              'awaiting_problem',
              'awaiting_supplier',
            ],
          },
          resolutionCode: {
            type: 'string',
            enum: [
              'fixed',
              'workaround',
              'change_rolled_back',
              'resolved_by_supplier',
              'duplicate',
              'not_reproducible',
              'user_error',
              'no_fault_found',
            ],
          },
          resolutionNotes: {
            type: 'string',
            minLength: 1,
            maxLength: 65536,
          },
          comment: {
            type: 'string',
            maxLength: 65536,
          },
        },
      },
      IncidentNote: {
        type: 'object',
        additionalProperties: {
          not: {},
        },
        required: ['text'],
        properties: {
          text: {
            type: 'string',
            minLength: 1,
            maxLength: 65536,
            description: 'Markdown.',
          },
        },
      },
      SlaClock: {
        type: 'object',
        description: 'An SLA clock evaluated at request time.',
        required: [
          'targetMs',
          'elapsedMs',
          'remainingMs',
          'percent',
          'state',
          'dueAt',
          'breachedAt',
          'calendarId',
        ],
        properties: {
          targetMs: {
            type: 'integer',
          },
          elapsedMs: {
            type: 'number',
          },
          remainingMs: {
            type: 'number',
          },
          percent: {
            type: 'number',
          },
          state: {
            type: 'string',
            enum: ['running', 'paused', 'met', 'breached'],
          },
          dueAt: {
            type: ['string', 'null'],
            format: 'date-time',
          },
          breachedAt: {
            type: ['string', 'null'],
            format: 'date-time',
          },
          calendarId: {
            type: 'string',
          },
        },
      },
      Incident: {
        type: 'object',
        required: [
          'id',
          'version',
          'title',
          'description',
          'entityRef',
          'affectedEntityRefs',
          'reporter',
          'assignee',
          'assignmentGroup',
          'category',
          'impact',
          'urgency',
          'priority',
          'status',
          'onHoldReason',
          'resolutionCode',
          'resolutionNotes',
          'major',
          'parentId',
          'problemId',
          'causedByChangeId',
          'source',
          'externalId',
          'incidentManager',
          'outageStart',
          'outageEnd',
          'postIncidentReview',
          'impactedServices',
          'sla',
          'createdAt',
          'createdBy',
          'updatedAt',
        ],
        properties: {
          id: {
            type: 'string',
            examples: ['INC-42'],
          },
          version: {
            type: 'integer',
            minimum: 1,
          },
          title: {
            type: 'string',
          },
          description: {
            type: 'string',
          },
          entityRef: {
            type: 'string',
          },
          affectedEntityRefs: {
            type: 'array',
            items: {
              type: 'string',
            },
          },
          reporter: {
            type: 'string',
          },
          assignee: {
            type: ['string', 'null'],
          },
          assignmentGroup: {
            type: ['string', 'null'],
          },
          category: {
            type: ['string', 'null'],
          },
          impact: {
            $ref: '#/components/schemas/Level',
          },
          urgency: {
            $ref: '#/components/schemas/Level',
          },
          priority: {
            $ref: '#/components/schemas/Priority',
          },
          status: {
            $ref: '#/components/schemas/IncidentStatus',
          },
          onHoldReason: {
            type: ['string', 'null'],
            enum: [
              'awaiting_caller',
              'awaiting_change',
              'awaiting_problem',
              'awaiting_supplier',
              null,
            ],
          },
          resolutionCode: {
            type: ['string', 'null'],
          },
          resolutionNotes: {
            type: ['string', 'null'],
          },
          major: {
            type: 'boolean',
          },
          parentId: {
            type: ['string', 'null'],
          },
          problemId: {
            type: ['string', 'null'],
          },
          causedByChangeId: {
            type: ['string', 'null'],
          },
          source: {
            $ref: '#/components/schemas/IncidentSource',
          },
          externalId: {
            type: ['string', 'null'],
          },
          incidentManager: {
            type: ['string', 'null'],
          },
          outageStart: {
            type: ['string', 'null'],
            format: 'date-time',
          },
          outageEnd: {
            type: ['string', 'null'],
            format: 'date-time',
          },
          postIncidentReview: {
            oneOf: [
              {
                $ref: '#/components/schemas/PostIncidentReview',
              },
              {
                type: 'null',
              },
            ],
          },
          impactedServices: {
            type: 'array',
            description:
              'Downstream impact analysis when the incident was raised.',
            items: {
              type: 'string',
            },
          },
          sla: {
            type: 'object',
            required: ['response', 'resolution'],
            properties: {
              response: {
                oneOf: [
                  {
                    $ref: '#/components/schemas/SlaClock',
                  },
                  {
                    type: 'null',
                  },
                ],
              },
              resolution: {
                oneOf: [
                  {
                    $ref: '#/components/schemas/SlaClock',
                  },
                  {
                    type: 'null',
                  },
                ],
              },
            },
          },
          createdAt: {
            type: 'string',
            format: 'date-time',
          },
          createdBy: {
            type: 'string',
          },
          updatedAt: {
            type: 'string',
            format: 'date-time',
          },
        },
      },
      IncidentPage: {
        type: 'object',
        required: ['items', 'nextCursor'],
        properties: {
          items: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/Incident',
            },
          },
          nextCursor: {
            type: ['string', 'null'],
          },
        },
      },
      HistoryEvent: {
        type: 'object',
        required: ['version', 'at', 'actor', 'action', 'changes'],
        properties: {
          version: {
            type: 'integer',
          },
          at: {
            type: 'string',
            format: 'date-time',
          },
          actor: {
            type: 'string',
          },
          action: {
            type: 'string',
          },
          changes: {
            type: 'object',
            description:
              'Changed fields as [from, to]; on create every field is [null, value].',
            additionalProperties: {
              type: 'array',
              minItems: 2,
              maxItems: 2,
            },
          },
          comment: {
            type: 'string',
          },
        },
      },
      HistoryPage: {
        type: 'object',
        required: ['items', 'nextCursor'],
        properties: {
          items: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/HistoryEvent',
            },
          },
          nextCursor: {
            type: ['string', 'null'],
          },
        },
      },
      ServiceHealth: {
        type: 'object',
        required: [
          'entityRef',
          'status',
          'openIncidents',
          'activeMajorIncident',
          'clocksAtRisk',
          'clocksBreached',
          'computedAt',
        ],
        properties: {
          entityRef: {
            type: 'string',
          },
          status: {
            type: 'string',
            enum: ['operational', 'degraded', 'major_outage'],
          },
          openIncidents: {
            type: 'object',
            required: ['total', 'byPriority'],
            properties: {
              total: {
                type: 'integer',
              },
              byPriority: {
                type: 'object',
                required: ['1', '2', '3', '4', '5'],
                additionalProperties: {
                  type: 'integer',
                },
              },
            },
          },
          activeMajorIncident: {
            oneOf: [
              {
                type: 'null',
              },
              {
                type: 'object',
                required: ['id', 'title', 'priority', 'createdAt'],
                properties: {
                  id: {
                    type: 'string',
                  },
                  title: {
                    type: 'string',
                  },
                  priority: {
                    $ref: '#/components/schemas/Priority',
                  },
                  createdAt: {
                    type: 'string',
                    format: 'date-time',
                  },
                },
              },
            ],
          },
          clocksAtRisk: {
            type: 'integer',
            description:
              'Running clocks at or above the first escalation threshold, not breached.',
          },
          clocksBreached: {
            type: 'integer',
            description: 'Clocks of open incidents that are breached.',
          },
          computedAt: {
            type: 'string',
            format: 'date-time',
          },
        },
      },
      ChangeType: {
        type: 'string',
        enum: ['standard', 'normal', 'emergency'],
      },
      ChangeStatus: {
        type: 'string',
        enum: [
          'draft',
          'assessment',
          'authorization',
          'scheduled',
          'implementing',
          'review',
          'closed',
          'rejected',
          'cancelled',
        ],
      },
      RiskLevel: {
        type: 'string',
        enum: ['low', 'medium', 'high'],
      },
      ChangeOutcome: {
        type: 'string',
        enum: ['successful', 'successful_with_issues', 'failed', 'backed_out'],
      },
      RiskAnswers: {
        type: 'object',
        description: 'Risk questionnaire answers, question id → answer id.',
        maxProperties: 100,
        additionalProperties: {
          type: 'string',
          minLength: 1,
          maxLength: 100,
        },
      },
      PostImplementationReview: {
        type: 'object',
        additionalProperties: {
          not: {},
        },
        required: ['summary'],
        properties: {
          summary: {
            type: 'string',
            minLength: 1,
            maxLength: 65536,
          },
          objectivesMet: {
            type: 'boolean',
          },
          lessonsLearned: {
            type: 'string',
            maxLength: 65536,
          },
          incidentIds: {
            type: 'array',
            maxItems: 100,
            items: {
              type: 'string',
              pattern: '^INC-\\d+$',
            },
          },
          problemId: {
            type: 'string',
            pattern: '^PRB-\\d+$',
          },
        },
      },
      ChangeCreate: {
        type: 'object',
        additionalProperties: {
          not: {},
        },
        required: ['type', 'title', 'entityRefs'],
        properties: {
          type: {
            $ref: '#/components/schemas/ChangeType',
          },
          title: {
            type: 'string',
            minLength: 1,
            maxLength: 200,
          },
          justification: {
            type: 'string',
            maxLength: 65536,
          },
          entityRefs: {
            type: 'array',
            minItems: 1,
            maxItems: 100,
            items: {
              $ref: '#/components/schemas/EntityRef',
            },
          },
          plannedStart: {
            type: ['string', 'null'],
            format: 'date-time',
          },
          plannedEnd: {
            type: ['string', 'null'],
            format: 'date-time',
          },
          implementationPlan: {
            type: ['string', 'null'],
            maxLength: 65536,
          },
          backoutPlan: {
            type: ['string', 'null'],
            maxLength: 65536,
          },
          testPlan: {
            type: ['string', 'null'],
            maxLength: 65536,
          },
          riskAnswers: {
            $ref: '#/components/schemas/RiskAnswers',
          },
          templateId: {
            type: 'string',
            minLength: 1,
            maxLength: 100,
          },
        },
      },
      ChangePatch: {
        type: 'object',
        additionalProperties: {
          not: {},
        },
        properties: {
          title: {
            type: 'string',
            minLength: 1,
            maxLength: 200,
          },
          justification: {
            type: 'string',
            maxLength: 65536,
          },
          entityRefs: {
            type: 'array',
            minItems: 1,
            maxItems: 100,
            items: {
              $ref: '#/components/schemas/EntityRef',
            },
          },
          plannedStart: {
            type: ['string', 'null'],
            format: 'date-time',
          },
          plannedEnd: {
            type: ['string', 'null'],
            format: 'date-time',
          },
          implementationPlan: {
            type: ['string', 'null'],
            maxLength: 65536,
          },
          backoutPlan: {
            type: ['string', 'null'],
            maxLength: 65536,
          },
          testPlan: {
            type: ['string', 'null'],
            maxLength: 65536,
          },
          riskAnswers: {
            $ref: '#/components/schemas/RiskAnswers',
          },
          review: {
            oneOf: [
              {
                $ref: '#/components/schemas/PostImplementationReview',
              },
              {
                type: 'null',
              },
            ],
          },
        },
      },
      ChangeTransition: {
        type: 'object',
        additionalProperties: {
          not: {},
        },
        required: ['to'],
        properties: {
          to: {
            $ref: '#/components/schemas/ChangeStatus',
          },
          outcome: {
            $ref: '#/components/schemas/ChangeOutcome',
          },
          actualStart: {
            type: 'string',
            format: 'date-time',
          },
          actualEnd: {
            type: 'string',
            format: 'date-time',
          },
          review: {
            $ref: '#/components/schemas/PostImplementationReview',
          },
          comment: {
            type: 'string',
            maxLength: 65536,
          },
        },
      },
      ApprovalDecision: {
        type: 'object',
        additionalProperties: {
          not: {},
        },
        required: ['decision'],
        properties: {
          decision: {
            type: 'string',
            enum: ['approve', 'reject'],
          },
          comment: {
            type: 'string',
            maxLength: 65536,
          },
        },
      },
      ChangeAssessmentRequest: {
        type: 'object',
        additionalProperties: {
          not: {},
        },
        required: ['type', 'entityRefs'],
        properties: {
          type: {
            $ref: '#/components/schemas/ChangeType',
          },
          entityRefs: {
            type: 'array',
            minItems: 1,
            maxItems: 100,
            items: {
              $ref: '#/components/schemas/EntityRef',
            },
          },
          riskAnswers: {
            $ref: '#/components/schemas/RiskAnswers',
          },
          plannedStart: {
            type: ['string', 'null'],
            format: 'date-time',
          },
          plannedEnd: {
            type: ['string', 'null'],
            format: 'date-time',
          },
          templateId: {
            type: 'string',
            minLength: 1,
            maxLength: 100,
          },
        },
      },
      RequiredApproval: {
        type: 'object',
        description:
          'kind group: count members of group; quorum: quorum of the `of` eligible members; ownerGroup: one member of an owner group of the affected entities.',
        required: ['kind', 'group'],
        properties: {
          kind: {
            type: 'string',
            enum: ['group', 'quorum', 'ownerGroup'],
          },
          group: {
            type: 'string',
          },
          count: {
            type: 'integer',
          },
          quorum: {
            type: 'integer',
          },
          of: {
            type: 'integer',
          },
          remaining: {
            type: 'integer',
          },
        },
      },
      ChangeConflict: {
        type: 'object',
        required: ['kind', 'message'],
        properties: {
          kind: {
            type: 'string',
            enum: ['overlap', 'related_overlap', 'freeze'],
          },
          with: {
            type: 'string',
          },
          entityRef: {
            type: 'string',
          },
          window: {
            type: 'string',
          },
          message: {
            type: 'string',
          },
        },
      },
      Approval: {
        type: 'object',
        required: ['approver', 'decision', 'comment', 'at', 'planRevision'],
        properties: {
          approver: {
            type: 'string',
          },
          decision: {
            type: 'string',
            enum: ['approve', 'reject'],
          },
          comment: {
            type: ['string', 'null'],
          },
          at: {
            type: 'string',
            format: 'date-time',
          },
          planRevision: {
            type: 'integer',
          },
        },
      },
      Change: {
        type: 'object',
        required: [
          'id',
          'version',
          'planRevision',
          'type',
          'title',
          'justification',
          'entityRefs',
          'plannedStart',
          'plannedEnd',
          'actualStart',
          'actualEnd',
          'implementationPlan',
          'backoutPlan',
          'testPlan',
          'riskAnswers',
          'risk',
          'riskReasons',
          'status',
          'templateId',
          'templateVersion',
          'requester',
          'requiredApprovals',
          'approvals',
          'conflicts',
          'outcome',
          'review',
          'createdAt',
          'updatedAt',
        ],
        properties: {
          id: {
            type: 'string',
            examples: ['CHG-311'],
          },
          version: {
            type: 'integer',
            minimum: 1,
          },
          planRevision: {
            type: 'integer',
            minimum: 1,
          },
          type: {
            $ref: '#/components/schemas/ChangeType',
          },
          title: {
            type: 'string',
          },
          justification: {
            type: 'string',
          },
          entityRefs: {
            type: 'array',
            items: {
              type: 'string',
            },
          },
          plannedStart: {
            type: ['string', 'null'],
            format: 'date-time',
          },
          plannedEnd: {
            type: ['string', 'null'],
            format: 'date-time',
          },
          actualStart: {
            type: ['string', 'null'],
            format: 'date-time',
          },
          actualEnd: {
            type: ['string', 'null'],
            format: 'date-time',
          },
          implementationPlan: {
            type: ['string', 'null'],
          },
          backoutPlan: {
            type: ['string', 'null'],
          },
          testPlan: {
            type: ['string', 'null'],
          },
          riskAnswers: {
            $ref: '#/components/schemas/RiskAnswers',
          },
          risk: {
            oneOf: [
              {
                $ref: '#/components/schemas/RiskLevel',
              },
              {
                type: 'null',
              },
            ],
          },
          riskReasons: {
            type: 'array',
            items: {
              type: 'string',
            },
          },
          status: {
            $ref: '#/components/schemas/ChangeStatus',
          },
          templateId: {
            type: ['string', 'null'],
          },
          templateVersion: {
            type: ['integer', 'null'],
          },
          requester: {
            type: 'string',
          },
          requiredApprovals: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/RequiredApproval',
            },
          },
          approvals: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/Approval',
            },
          },
          conflicts: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/ChangeConflict',
            },
          },
          outcome: {
            oneOf: [
              {
                $ref: '#/components/schemas/ChangeOutcome',
              },
              {
                type: 'null',
              },
            ],
          },
          review: {
            oneOf: [
              {
                $ref: '#/components/schemas/PostImplementationReview',
              },
              {
                type: 'null',
              },
            ],
          },
          createdAt: {
            type: 'string',
            format: 'date-time',
          },
          updatedAt: {
            type: 'string',
            format: 'date-time',
          },
          outstandingApprovals: {
            type: 'array',
            description:
              'In authorization, the requirements not yet met, each with `remaining`.',
            items: {
              $ref: '#/components/schemas/RequiredApproval',
            },
          },
          canDecide: {
            type: 'boolean',
            description:
              'Whether the caller may vote on the current plan revision now.',
          },
        },
      },
      ChangePage: {
        type: 'object',
        required: ['items', 'nextCursor'],
        properties: {
          items: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/Change',
            },
          },
          nextCursor: {
            type: ['string', 'null'],
          },
        },
      },
      ChangeAssessment: {
        type: 'object',
        required: [
          'risk',
          'score',
          'riskReasons',
          'requiredApprovals',
          'conflicts',
          'blockedByFreeze',
          'blastRadius',
        ],
        properties: {
          risk: {
            $ref: '#/components/schemas/RiskLevel',
          },
          score: {
            type: 'integer',
          },
          riskReasons: {
            type: 'array',
            items: {
              type: 'string',
            },
          },
          requiredApprovals: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/RequiredApproval',
            },
          },
          conflicts: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/ChangeConflict',
            },
          },
          blockedByFreeze: {
            type: 'boolean',
          },
          blastRadius: {
            type: 'integer',
          },
        },
      },
      FreezeWindow: {
        type: 'object',
        required: ['name', 'start', 'end', 'entityRefs'],
        properties: {
          name: {
            type: 'string',
          },
          start: {
            type: 'string',
            format: 'date-time',
          },
          end: {
            type: 'string',
            format: 'date-time',
          },
          entityRefs: {
            type: 'array',
            items: {
              type: 'string',
            },
          },
        },
      },
      ChangeCalendar: {
        type: 'object',
        required: ['from', 'to', 'changes', 'freezeWindows'],
        properties: {
          from: {
            type: 'string',
            format: 'date-time',
          },
          to: {
            type: 'string',
            format: 'date-time',
          },
          changes: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/Change',
            },
          },
          freezeWindows: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/FreezeWindow',
            },
          },
        },
      },
      ChangeStats: {
        type: 'object',
        required: [
          'entityRef',
          'total',
          'failed',
          'causedIncidents',
          'failureRate',
        ],
        properties: {
          entityRef: {
            type: 'string',
          },
          total: {
            type: 'integer',
          },
          failed: {
            type: 'integer',
          },
          causedIncidents: {
            type: 'integer',
          },
          failureRate: {
            type: 'number',
          },
        },
      },
      ChangeTemplateCreate: {
        type: 'object',
        additionalProperties: {
          not: {},
        },
        required: [
          'title',
          'owner',
          'implementationPlan',
          'backoutPlan',
          'testPlan',
        ],
        properties: {
          title: {
            type: 'string',
            minLength: 1,
            maxLength: 200,
          },
          description: {
            type: 'string',
            maxLength: 65536,
          },
          owner: {
            $ref: '#/components/schemas/EntityRef',
          },
          entityRefs: {
            type: 'array',
            maxItems: 100,
            items: {
              $ref: '#/components/schemas/EntityRef',
            },
          },
          implementationPlan: {
            type: 'string',
            minLength: 1,
            maxLength: 65536,
          },
          backoutPlan: {
            type: 'string',
            minLength: 1,
            maxLength: 65536,
          },
          testPlan: {
            type: 'string',
            minLength: 1,
            maxLength: 65536,
          },
          durationMinutes: {
            type: 'integer',
            minimum: 1,
            maximum: 10080,
          },
        },
      },
      ChangeTemplatePatch: {
        type: 'object',
        additionalProperties: {
          not: {},
        },
        properties: {
          title: {
            type: 'string',
            minLength: 1,
            maxLength: 200,
          },
          description: {
            type: 'string',
            maxLength: 65536,
          },
          owner: {
            $ref: '#/components/schemas/EntityRef',
          },
          entityRefs: {
            type: 'array',
            maxItems: 100,
            items: {
              $ref: '#/components/schemas/EntityRef',
            },
          },
          implementationPlan: {
            type: 'string',
            minLength: 1,
            maxLength: 65536,
          },
          backoutPlan: {
            type: 'string',
            minLength: 1,
            maxLength: 65536,
          },
          testPlan: {
            type: 'string',
            minLength: 1,
            maxLength: 65536,
          },
          durationMinutes: {
            type: 'integer',
            minimum: 1,
            maximum: 10080,
          },
          active: {
            type: 'boolean',
          },
        },
      },
      ChangeTemplate: {
        type: 'object',
        required: [
          'id',
          'version',
          'title',
          'description',
          'owner',
          'entityRefs',
          'implementationPlan',
          'backoutPlan',
          'testPlan',
          'durationMinutes',
          'active',
          'createdBy',
          'createdAt',
          'updatedAt',
        ],
        properties: {
          id: {
            type: 'string',
            examples: ['STD-3'],
          },
          version: {
            type: 'integer',
            minimum: 1,
          },
          title: {
            type: 'string',
          },
          description: {
            type: 'string',
          },
          owner: {
            type: 'string',
          },
          entityRefs: {
            type: 'array',
            items: {
              type: 'string',
            },
          },
          implementationPlan: {
            type: 'string',
          },
          backoutPlan: {
            type: 'string',
          },
          testPlan: {
            type: 'string',
          },
          durationMinutes: {
            type: 'integer',
          },
          active: {
            type: 'boolean',
          },
          createdBy: {
            type: 'string',
          },
          createdAt: {
            type: 'string',
            format: 'date-time',
          },
          updatedAt: {
            type: 'string',
            format: 'date-time',
          },
        },
      },
    },
  },
} as const;
