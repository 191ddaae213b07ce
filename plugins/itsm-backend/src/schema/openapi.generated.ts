// GENERATED FILE: do not edit. Edit the OpenAPI fragments (src/records/openapi.yaml,
// src/practices/*/openapi.yaml), then run `yarn generate` (scripts/generate-openapi-spec.js)
// in plugins/itsm-backend.

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
    {
      name: 'slas',
    },
    {
      name: 'supporting-agreements',
    },
    {
      name: 'calendars',
    },
    {
      name: 'breaches',
    },
    {
      name: 'reports',
    },
    {
      name: 'problems',
    },
    {
      name: 'known-errors',
    },
    {
      name: 'satisfaction',
    },
    {
      name: 'complaints',
    },
    {
      name: 'reviews',
    },
    {
      name: 'improvements',
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
    '/incidents/categories': {
      get: {
        tags: ['incidents'],
        operationId: 'listIncidentCategories',
        summary:
          'The controlled incident categories (`itsm.incidents.categories`) with their subcategories, in their configured order; `uncategorised` is always among them. For anyone who may read incidents.',
        responses: {
          '200': {
            description: 'The categories.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/IncidentCategoryList',
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
    '/incidents/{id}/links': {
      get: {
        tags: ['incidents'],
        operationId: 'listIncidentLinks',
        summary:
          'Links of an incident to and from other records (direction outgoing or incoming).',
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
            description: 'A page of record links.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/RecordLinkPage',
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
        operationId: 'createIncidentLink',
        summary: 'Links an incident to another record (an outgoing link).',
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
                $ref: '#/components/schemas/RecordLinkCreate',
              },
            },
          },
        },
        responses: {
          '201': {
            description: 'The created link.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/RecordLink',
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
    '/incidents/{id}/links/{linkId}': {
      delete: {
        tags: ['incidents'],
        operationId: 'deleteIncidentLink',
        summary: 'Removes a link of an incident, outgoing or incoming.',
        parameters: [
          {
            $ref: '#/components/parameters/incidentId',
          },
          {
            $ref: '#/components/parameters/linkId',
          },
        ],
        responses: {
          '204': {
            description: 'The link was removed.',
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
    '/changes/{id}/links': {
      get: {
        tags: ['changes'],
        operationId: 'listChangeLinks',
        summary:
          'Links of a change to and from other records (direction outgoing or incoming).',
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
            description: 'A page of record links.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/RecordLinkPage',
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
        operationId: 'createChangeLink',
        summary: 'Links a change to another record (an outgoing link).',
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
                $ref: '#/components/schemas/RecordLinkCreate',
              },
            },
          },
        },
        responses: {
          '201': {
            description: 'The created link.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/RecordLink',
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
    '/changes/{id}/links/{linkId}': {
      delete: {
        tags: ['changes'],
        operationId: 'deleteChangeLink',
        summary: 'Removes a link of a change, outgoing or incoming.',
        parameters: [
          {
            $ref: '#/components/parameters/changeId',
          },
          {
            $ref: '#/components/parameters/linkId',
          },
        ],
        responses: {
          '204': {
            description: 'The link was removed.',
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
    '/calendars': {
      get: {
        tags: ['calendars'],
        operationId: 'listCalendars',
        summary:
          'Every service-hours calendar by id: the built-in 24x7, those from app-config and those created through the API (itsm.sla.read).',
        responses: {
          '200': {
            description: 'All calendars; there is never a next page.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/CalendarPage',
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
        tags: ['calendars'],
        operationId: 'createCalendar',
        summary:
          'Creates a calendar (itsm.sla.manage). Its id must not be taken by any calendar; time zone and hours cannot change afterwards.',
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/CalendarCreate',
              },
            },
          },
        },
        responses: {
          '201': {
            description: 'The created calendar.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Calendar',
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
    '/calendars/{id}': {
      get: {
        tags: ['calendars'],
        operationId: 'getCalendar',
        parameters: [
          {
            $ref: '#/components/parameters/calendarId',
          },
        ],
        responses: {
          '200': {
            description:
              'The calendar; `ETag` carries its version (0 for one nothing was stored for).',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Calendar',
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
        tags: ['calendars'],
        operationId: 'patchCalendar',
        summary:
          'Edits a calendar (itsm.sla.manage): the API-managed holidays of any calendar but 24x7, and the title of one created through the API. Holidays before today cannot be added or removed; time zone and hours never change (409).',
        parameters: [
          {
            $ref: '#/components/parameters/calendarId',
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
                $ref: '#/components/schemas/CalendarPatch',
              },
            },
          },
        },
        responses: {
          '200': {
            description: 'The calendar after the edit.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Calendar',
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
    '/calendars/{id}/history': {
      get: {
        tags: ['calendars'],
        operationId: 'getCalendarHistory',
        summary: 'The append-only history of a calendar, oldest first.',
        parameters: [
          {
            $ref: '#/components/parameters/calendarId',
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
    '/slas': {
      get: {
        tags: ['slas'],
        operationId: 'listSlas',
        summary: 'Service level agreements (itsm.sla.read), newest first.',
        parameters: [
          {
            name: 'entityRef',
            in: 'query',
            allowReserved: true,
            description: 'The service(s) the SLA is made for.',
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
            $ref: '#/components/parameters/limit',
          },
          {
            $ref: '#/components/parameters/cursor',
          },
          {
            $ref: '#/components/parameters/agreementOrder',
          },
        ],
        responses: {
          '200': {
            description: 'A page of SLAs.',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  required: ['items', 'nextCursor'],
                  properties: {
                    items: {
                      type: 'array',
                      items: {
                        $ref: '#/components/schemas/ServiceLevelAgreement',
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
        tags: ['slas'],
        operationId: 'createSla',
        summary:
          'Defines the SLA of a service (itsm.sla.manage, by an owner of the service); one per service, revision 1.',
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/SlaCreate',
              },
            },
          },
        },
        responses: {
          '201': {
            description: 'The created SLA.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/ServiceLevelAgreement',
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
    '/slas/{id}': {
      get: {
        tags: ['slas'],
        operationId: 'getSla',
        parameters: [
          {
            $ref: '#/components/parameters/slaId',
          },
        ],
        responses: {
          '200': {
            description: 'The SLA; `ETag` carries its version.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/ServiceLevelAgreement',
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
        tags: ['slas'],
        operationId: 'patchSla',
        summary:
          'Edits an SLA: new terms or effective dates add a revision. lastReviewedAt is refused (400): closing a service review (POST /reviews/{id}/transitions) sets it.',
        parameters: [
          {
            $ref: '#/components/parameters/slaId',
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
                $ref: '#/components/schemas/SlaPatch',
              },
            },
          },
        },
        responses: {
          '200': {
            description: 'The SLA after the edit.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/ServiceLevelAgreement',
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
    '/slas/{id}/revisions': {
      get: {
        tags: ['slas'],
        operationId: 'getSlaRevisions',
        summary:
          'Every agreed revision of an SLA with its effective dates, oldest first.',
        parameters: [
          {
            $ref: '#/components/parameters/slaId',
          },
        ],
        responses: {
          '200': {
            description: 'The revisions.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/AgreementRevisionList',
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
    '/slas/{id}/history': {
      get: {
        tags: ['slas'],
        operationId: 'getSlaHistory',
        summary: 'The append-only history of an SLA, oldest first.',
        parameters: [
          {
            $ref: '#/components/parameters/slaId',
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
    '/slas/{id}/alignment': {
      get: {
        tags: ['slas'],
        operationId: 'getSlaAlignment',
        summary:
          'The supporting agreements linked to an SLA, and each of their targets looser than the SLA target it underpins.',
        parameters: [
          {
            $ref: '#/components/parameters/slaId',
          },
        ],
        responses: {
          '200': {
            description: 'The alignment check.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/SlaAlignment',
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
    '/slas/{id}/links': {
      get: {
        tags: ['slas'],
        operationId: 'listSlaLinks',
        summary:
          'Links of an SLA to and from other records (direction outgoing or incoming).',
        parameters: [
          {
            $ref: '#/components/parameters/slaId',
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
            description: 'A page of record links.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/RecordLinkPage',
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
        tags: ['slas'],
        operationId: 'createSlaLink',
        summary: 'Links an SLA to another record (an outgoing link).',
        parameters: [
          {
            $ref: '#/components/parameters/slaId',
          },
        ],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/RecordLinkCreate',
              },
            },
          },
        },
        responses: {
          '201': {
            description: 'The created link.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/RecordLink',
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
    '/slas/{id}/links/{linkId}': {
      delete: {
        tags: ['slas'],
        operationId: 'deleteSlaLink',
        summary: 'Removes a link of an SLA, outgoing or incoming.',
        parameters: [
          {
            $ref: '#/components/parameters/slaId',
          },
          {
            $ref: '#/components/parameters/linkId',
          },
        ],
        responses: {
          '204': {
            description: 'The link was removed.',
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/supporting-agreements': {
      get: {
        tags: ['supporting-agreements'],
        operationId: 'listSupportingAgreements',
        summary:
          'OLAs and underpinning contracts (itsm.sla.read), newest first.',
        parameters: [
          {
            name: 'entityRef',
            in: 'query',
            allowReserved: true,
            description: 'The service(s) or component(s) covered.',
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
            name: 'slaId',
            in: 'query',
            allowReserved: true,
            description: 'Agreements underpinning the SLA(s).',
            schema: {
              type: 'array',
              items: {
                type: 'string',
                minLength: 1,
                maxLength: 32,
              },
            },
            style: 'form',
            explode: true,
          },
          {
            name: 'kind',
            in: 'query',
            allowReserved: true,
            schema: {
              type: 'array',
              items: {
                $ref: '#/components/schemas/SupportingAgreementKind',
              },
            },
            style: 'form',
            explode: true,
          },
          {
            $ref: '#/components/parameters/limit',
          },
          {
            $ref: '#/components/parameters/cursor',
          },
          {
            $ref: '#/components/parameters/agreementOrder',
          },
        ],
        responses: {
          '200': {
            description: 'A page of supporting agreements.',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  required: ['items', 'nextCursor'],
                  properties: {
                    items: {
                      type: 'array',
                      items: {
                        $ref: '#/components/schemas/SupportingAgreement',
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
        tags: ['supporting-agreements'],
        operationId: 'createSupportingAgreement',
        summary:
          'Records an OLA (with an internal group) or an underpinning contract (with a supplier) for a service, linked to the SLAs it underpins (itsm.sla.manage, by an owner).',
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/SupportingAgreementCreate',
              },
            },
          },
        },
        responses: {
          '201': {
            description: 'The created agreement.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/SupportingAgreement',
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
    '/supporting-agreements/{id}': {
      get: {
        tags: ['supporting-agreements'],
        operationId: 'getSupportingAgreement',
        parameters: [
          {
            $ref: '#/components/parameters/supportingAgreementId',
          },
        ],
        responses: {
          '200': {
            description: 'The agreement; `ETag` carries its version.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/SupportingAgreement',
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
        tags: ['supporting-agreements'],
        operationId: 'patchSupportingAgreement',
        summary:
          'Edits an OLA or UC: new terms or effective dates add a revision; links to SLAs and lastReviewedAt do not.',
        parameters: [
          {
            $ref: '#/components/parameters/supportingAgreementId',
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
                $ref: '#/components/schemas/SupportingAgreementPatch',
              },
            },
          },
        },
        responses: {
          '200': {
            description: 'The agreement after the edit.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/SupportingAgreement',
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
    '/supporting-agreements/{id}/revisions': {
      get: {
        tags: ['supporting-agreements'],
        operationId: 'getSupportingAgreementRevisions',
        summary: 'Every agreed revision of an OLA or UC, oldest first.',
        parameters: [
          {
            $ref: '#/components/parameters/supportingAgreementId',
          },
        ],
        responses: {
          '200': {
            description: 'The revisions.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/AgreementRevisionList',
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
    '/supporting-agreements/{id}/history': {
      get: {
        tags: ['supporting-agreements'],
        operationId: 'getSupportingAgreementHistory',
        summary: 'The append-only history of an OLA or UC, oldest first.',
        parameters: [
          {
            $ref: '#/components/parameters/supportingAgreementId',
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
    '/supporting-agreements/{id}/links': {
      get: {
        tags: ['supporting-agreements'],
        operationId: 'listSupportingAgreementLinks',
        summary:
          'Links of a supporting agreement to and from other records (direction outgoing or incoming).',
        parameters: [
          {
            $ref: '#/components/parameters/supportingAgreementId',
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
            description: 'A page of record links.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/RecordLinkPage',
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
        tags: ['supporting-agreements'],
        operationId: 'createSupportingAgreementLink',
        summary:
          'Links a supporting agreement to another record (an outgoing link).',
        parameters: [
          {
            $ref: '#/components/parameters/supportingAgreementId',
          },
        ],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/RecordLinkCreate',
              },
            },
          },
        },
        responses: {
          '201': {
            description: 'The created link.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/RecordLink',
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
    '/supporting-agreements/{id}/links/{linkId}': {
      delete: {
        tags: ['supporting-agreements'],
        operationId: 'deleteSupportingAgreementLink',
        summary:
          'Removes a link of a supporting agreement, outgoing or incoming.',
        parameters: [
          {
            $ref: '#/components/parameters/supportingAgreementId',
          },
          {
            $ref: '#/components/parameters/linkId',
          },
        ],
        responses: {
          '204': {
            description: 'The link was removed.',
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/breaches': {
      get: {
        tags: ['breaches'],
        operationId: 'listBreaches',
        summary:
          'The breach register, newest first, filtered and paged by an opaque cursor.',
        parameters: [
          {
            name: 'entityRef',
            in: 'query',
            allowReserved: true,
            description:
              'The breached service, a full entity ref like component:default/payments (case-insensitive); 400 for anything else. Repeat for several.',
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
            name: 'recordId',
            in: 'query',
            allowReserved: true,
            description: 'The incident whose clock breached, e.g. INC-42.',
            schema: {
              type: 'string',
              maxLength: 32,
            },
          },
          {
            name: 'clock',
            in: 'query',
            allowReserved: true,
            schema: {
              type: 'string',
              enum: ['response', 'resolution'],
            },
          },
          {
            $ref: '#/components/parameters/breachFrom',
          },
          {
            $ref: '#/components/parameters/breachTo',
          },
          {
            name: 'waived',
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
            description: 'A page of breaches.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/SlaBreachPage',
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
    '/breaches/{id}': {
      get: {
        tags: ['breaches'],
        operationId: 'getBreach',
        parameters: [
          {
            $ref: '#/components/parameters/breachId',
          },
        ],
        responses: {
          '200': {
            description: 'The breach; `ETag` carries its version.',
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
                  $ref: '#/components/schemas/SlaBreach',
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
        tags: ['breaches'],
        operationId: 'patchBreach',
        summary:
          'Records cause, action, the improvement item raised, or a waiver (approved by who records it). Owners of the service with itsm.sla.manage only.',
        parameters: [
          {
            $ref: '#/components/parameters/breachId',
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
                $ref: '#/components/schemas/BreachPatch',
              },
            },
          },
        },
        responses: {
          '200': {
            description: 'The updated breach.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/SlaBreach',
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
    '/reports/sla': {
      get: {
        tags: ['reports'],
        operationId: 'getSlaReport',
        summary:
          'How a service kept its SLA in [from, to): attainment per target, breaches, availability, change success, CSAT, workload and the trend of the last 6 months. JSON, or CSV with `Accept: text/csv`.',
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
            $ref: '#/components/parameters/reportFrom',
          },
          {
            $ref: '#/components/parameters/reportTo',
          },
        ],
        responses: {
          '200': {
            description: 'The report.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/SlaReport',
                },
              },
              'text/csv': {
                schema: {
                  type: 'string',
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
    '/reports/sla-portfolio': {
      get: {
        tags: ['reports'],
        operationId: 'getSlaPortfolioReport',
        summary:
          'Attainment and availability of every service with decided clocks or an SLA.',
        parameters: [
          {
            $ref: '#/components/parameters/reportFrom',
          },
          {
            $ref: '#/components/parameters/reportTo',
          },
        ],
        responses: {
          '200': {
            description: 'The portfolio report.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/SlaPortfolioReport',
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
    '/breaches/{id}/history': {
      get: {
        tags: ['breaches'],
        operationId: 'getBreachHistory',
        summary:
          'The append-only history of a breach (cause, action, improvement item and waiver edits), oldest first.',
        parameters: [
          {
            $ref: '#/components/parameters/breachId',
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
    '/breaches/{id}/links': {
      get: {
        tags: ['breaches'],
        operationId: 'listBreachLinks',
        summary:
          'Links of a breach to and from other records (direction outgoing or incoming).',
        parameters: [
          {
            $ref: '#/components/parameters/breachId',
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
            description: 'A page of record links.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/RecordLinkPage',
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
        tags: ['breaches'],
        operationId: 'createBreachLink',
        summary: 'Links a breach to another record (an outgoing link).',
        parameters: [
          {
            $ref: '#/components/parameters/breachId',
          },
        ],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/RecordLinkCreate',
              },
            },
          },
        },
        responses: {
          '201': {
            description: 'The created link.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/RecordLink',
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
    '/breaches/{id}/links/{linkId}': {
      delete: {
        tags: ['breaches'],
        operationId: 'deleteBreachLink',
        summary: 'Removes a link of a breach, outgoing or incoming.',
        parameters: [
          {
            $ref: '#/components/parameters/breachId',
          },
          {
            $ref: '#/components/parameters/linkId',
          },
        ],
        responses: {
          '204': {
            description: 'The link was removed.',
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/problems': {
      get: {
        tags: ['problems'],
        operationId: 'listProblems',
        summary:
          'Problems, newest first, filtered and paged by an opaque cursor.',
        parameters: [
          {
            name: 'entityRef',
            in: 'query',
            allowReserved: true,
            description:
              'Matches any entity of the problem (case-insensitive). Repeat for several.',
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
                $ref: '#/components/schemas/ProblemStatus',
              },
            },
            style: 'form',
            explode: true,
          },
          {
            name: 'origin',
            in: 'query',
            allowReserved: true,
            schema: {
              type: 'array',
              items: {
                $ref: '#/components/schemas/ProblemOrigin',
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
            name: 'owner',
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
            name: 'category',
            in: 'query',
            allowReserved: true,
            schema: {
              type: 'array',
              items: {
                type: 'string',
                minLength: 1,
                maxLength: 100,
              },
            },
            style: 'form',
            explode: true,
          },
          {
            name: 'q',
            in: 'query',
            allowReserved: true,
            description: 'Free text searched in title and statement.',
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
            description: 'A page of problems.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/ProblemPage',
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
        tags: ['problems'],
        operationId: 'createProblem',
        summary:
          'Raises a problem (status new); incidentIds are linked to it in the same write. Candidates come only from detection.',
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/ProblemCreate',
              },
            },
          },
        },
        responses: {
          '201': {
            description: 'The created problem.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Problem',
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
    '/problems/{id}': {
      get: {
        tags: ['problems'],
        operationId: 'getProblem',
        parameters: [
          {
            $ref: '#/components/parameters/problemId',
          },
        ],
        responses: {
          '200': {
            description: 'The problem; `ETag` carries its version.',
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
                  $ref: '#/components/schemas/Problem',
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
        tags: ['problems'],
        operationId: 'updateProblem',
        summary:
          "Edits a problem's fields (RCA, root cause, workaround, ...). Needs If-Match.",
        parameters: [
          {
            $ref: '#/components/parameters/problemId',
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
                $ref: '#/components/schemas/ProblemPatch',
              },
            },
          },
        },
        responses: {
          '200': {
            description: 'The problem after the edit.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Problem',
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
    '/problems/{id}/transitions': {
      post: {
        tags: ['problems'],
        operationId: 'transitionProblem',
        summary:
          'Moves a problem through its lifecycle. 409 for a move not allowed from the current status, or closing a fixed problem before its observation period ends; 400 for the fields the move requires (cancelReason, owner, rootCause and workaround, closureCode, comment to re-open).',
        parameters: [
          {
            $ref: '#/components/parameters/problemId',
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
                $ref: '#/components/schemas/ProblemTransition',
              },
            },
          },
        },
        responses: {
          '200': {
            description: 'The problem after the move.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Problem',
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
    '/problems/{id}/history': {
      get: {
        tags: ['problems'],
        operationId: 'getProblemHistory',
        parameters: [
          {
            $ref: '#/components/parameters/problemId',
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
            description: 'A page of history events, oldest first.',
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
    '/problems/{id}/incidents': {
      get: {
        tags: ['problems'],
        operationId: 'listProblemIncidents',
        summary:
          "The incidents linked to the problem that the caller may read, oldest first, with who linked each and why (the problem page's timeline).",
        parameters: [
          {
            $ref: '#/components/parameters/problemId',
          },
        ],
        responses: {
          '200': {
            description: 'The linked incidents.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/ProblemIncidentList',
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
        tags: ['problems'],
        operationId: 'linkProblemIncident',
        summary:
          'Links an incident to the problem (INC caused_by PRB) with the reason.',
        parameters: [
          {
            $ref: '#/components/parameters/problemId',
          },
        ],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/ProblemIncidentLinkCreate',
              },
            },
          },
        },
        responses: {
          '201': {
            description: 'The link.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/RecordLink',
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
    '/problems/{id}/effectiveness': {
      get: {
        tags: ['problems'],
        operationId: 'getProblemEffectiveness',
        summary:
          'Incidents matching a resolved problem (its linked incidents, and incidents on its entities with its category or signature) in the same-length window after the resolution vs before. 409 while the problem is not resolved or closed.',
        parameters: [
          {
            $ref: '#/components/parameters/problemId',
          },
        ],
        responses: {
          '200': {
            description: 'The comparison.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/ProblemEffectiveness',
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
    '/problems/{id}/links': {
      get: {
        tags: ['problems'],
        operationId: 'listProblemLinks',
        summary:
          'Links of a problem to and from other records (direction outgoing or incoming).',
        parameters: [
          {
            $ref: '#/components/parameters/problemId',
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
            description: 'A page of record links.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/RecordLinkPage',
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
        tags: ['problems'],
        operationId: 'createProblemLink',
        summary: 'Links a problem to another record (an outgoing link).',
        parameters: [
          {
            $ref: '#/components/parameters/problemId',
          },
        ],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/RecordLinkCreate',
              },
            },
          },
        },
        responses: {
          '201': {
            description: 'The created link.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/RecordLink',
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
    '/problems/{id}/links/{linkId}': {
      delete: {
        tags: ['problems'],
        operationId: 'deleteProblemLink',
        summary: 'Removes a link of a problem, outgoing or incoming.',
        parameters: [
          {
            $ref: '#/components/parameters/problemId',
          },
          {
            $ref: '#/components/parameters/linkId',
          },
        ],
        responses: {
          '204': {
            description: 'The link was removed.',
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/problem-counts': {
      get: {
        tags: ['problems'],
        operationId: 'getProblemCounts',
        summary:
          'Open problems and active known errors of an entity, counted for the caller (the service health card); a count the caller may not read is null.',
        parameters: [
          {
            name: 'entityRef',
            in: 'query',
            required: true,
            allowReserved: true,
            schema: {
              type: 'string',
              minLength: 1,
              maxLength: 255,
            },
          },
        ],
        responses: {
          '200': {
            description: 'The counts.',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  required: ['entityRef', 'openProblems', 'activeKnownErrors'],
                  properties: {
                    entityRef: {
                      type: 'string',
                    },
                    openProblems: {
                      type: ['integer', 'null'],
                    },
                    activeKnownErrors: {
                      type: ['integer', 'null'],
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
    '/problem-detection/runs': {
      post: {
        tags: ['problems'],
        operationId: 'runProblemDetection',
        summary:
          'Runs the detection now (it also runs on a schedule, once across replicas); returns the candidates it proposed. Needs itsm.problem.create.',
        responses: {
          '200': {
            description: 'The candidates proposed by this run.',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  required: ['proposed'],
                  properties: {
                    proposed: {
                      type: 'array',
                      items: {
                        type: 'string',
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
    '/known-errors': {
      get: {
        tags: ['known-errors'],
        operationId: 'listKnownErrors',
        summary:
          'Known errors, newest first. Readable by whoever may read incidents.',
        parameters: [
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
            name: 'status',
            in: 'query',
            allowReserved: true,
            schema: {
              type: 'array',
              items: {
                type: 'string',
                enum: ['active', 'retired'],
              },
            },
            style: 'form',
            explode: true,
          },
          {
            name: 'q',
            in: 'query',
            allowReserved: true,
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
            description: 'A page of known errors.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/KnownErrorPage',
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
        tags: ['known-errors'],
        operationId: 'createKnownError',
        summary:
          'Records a known error; with problemId it is linked to that problem. Needs itsm.knownError.manage.',
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/KnownErrorCreate',
              },
            },
          },
        },
        responses: {
          '201': {
            description: 'The created known error.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/KnownError',
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
    '/known-errors/matches': {
      get: {
        tags: ['known-errors'],
        operationId: 'matchKnownErrors',
        summary:
          'The active known errors of the entity and of its upstream dependencies that match the text, category or signature of an incident being reported, best first.',
        parameters: [
          {
            name: 'entityRef',
            in: 'query',
            required: true,
            allowReserved: true,
            schema: {
              type: 'string',
              minLength: 1,
              maxLength: 255,
            },
          },
          {
            name: 'text',
            in: 'query',
            allowReserved: true,
            schema: {
              type: 'string',
              maxLength: 5000,
            },
          },
          {
            name: 'category',
            in: 'query',
            allowReserved: true,
            schema: {
              type: 'string',
              maxLength: 100,
            },
          },
          {
            name: 'signature',
            in: 'query',
            allowReserved: true,
            schema: {
              type: 'string',
              maxLength: 200,
            },
          },
          {
            name: 'limit',
            in: 'query',
            allowReserved: true,
            schema: {
              type: 'integer',
              minimum: 1,
              maximum: 20,
              default: 5,
            },
          },
        ],
        responses: {
          '200': {
            description: 'The matches.',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  required: ['items'],
                  properties: {
                    items: {
                      type: 'array',
                      items: {
                        $ref: '#/components/schemas/KnownErrorMatch',
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
    '/known-errors/{id}': {
      get: {
        tags: ['known-errors'],
        operationId: 'getKnownError',
        parameters: [
          {
            $ref: '#/components/parameters/knownErrorId',
          },
        ],
        responses: {
          '200': {
            description: 'The known error; `ETag` carries its version.',
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
                  $ref: '#/components/schemas/KnownError',
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
        tags: ['known-errors'],
        operationId: 'updateKnownError',
        parameters: [
          {
            $ref: '#/components/parameters/knownErrorId',
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
                $ref: '#/components/schemas/KnownErrorPatch',
              },
            },
          },
        },
        responses: {
          '200': {
            description: 'The known error after the edit.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/KnownError',
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
    '/known-errors/{id}/transitions': {
      post: {
        tags: ['known-errors'],
        operationId: 'transitionKnownError',
        summary: 'Retires a known error or makes it active again.',
        parameters: [
          {
            $ref: '#/components/parameters/knownErrorId',
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
                type: 'object',
                additionalProperties: {
                  not: {},
                },
                required: ['to'],
                properties: {
                  to: {
                    type: 'string',
                    enum: ['active', 'retired'],
                  },
                  comment: {
                    type: 'string',
                    maxLength: 65536,
                  },
                },
              },
            },
          },
        },
        responses: {
          '200': {
            description: 'The known error after the move.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/KnownError',
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
    '/known-errors/{id}/history': {
      get: {
        tags: ['known-errors'],
        operationId: 'getKnownErrorHistory',
        parameters: [
          {
            $ref: '#/components/parameters/knownErrorId',
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
            description: 'A page of history events, oldest first.',
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
    '/known-errors/{id}/uses': {
      post: {
        tags: ['known-errors'],
        operationId: 'recordKnownErrorUse',
        summary:
          'The known error was offered to an incident, or its workaround applied on it (which links the incident to the known error). Counted once per incident and kind; needs itsm.incident.update on the incident for applied, read for offered.',
        parameters: [
          {
            $ref: '#/components/parameters/knownErrorId',
          },
        ],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                additionalProperties: {
                  not: {},
                },
                required: ['incidentId', 'kind'],
                properties: {
                  incidentId: {
                    type: 'string',
                    maxLength: 32,
                  },
                  kind: {
                    type: 'string',
                    enum: ['offered', 'applied'],
                  },
                },
              },
            },
          },
        },
        responses: {
          '200': {
            description: 'The known error with its counts.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/KnownError',
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
    '/known-errors/{id}/links': {
      get: {
        tags: ['known-errors'],
        operationId: 'listKnownErrorLinks',
        summary:
          'Links of a known error to and from other records (direction outgoing or incoming).',
        parameters: [
          {
            $ref: '#/components/parameters/knownErrorId',
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
            description: 'A page of record links.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/RecordLinkPage',
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
        tags: ['known-errors'],
        operationId: 'createKnownErrorLink',
        summary: 'Links a known error to another record (an outgoing link).',
        parameters: [
          {
            $ref: '#/components/parameters/knownErrorId',
          },
        ],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/RecordLinkCreate',
              },
            },
          },
        },
        responses: {
          '201': {
            description: 'The created link.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/RecordLink',
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
    '/known-errors/{id}/links/{linkId}': {
      delete: {
        tags: ['known-errors'],
        operationId: 'deleteKnownErrorLink',
        summary: 'Removes a link of a known error, outgoing or incoming.',
        parameters: [
          {
            $ref: '#/components/parameters/knownErrorId',
          },
          {
            $ref: '#/components/parameters/linkId',
          },
        ],
        responses: {
          '204': {
            description: 'The link was removed.',
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/reports/incident-trends': {
      get: {
        tags: ['reports'],
        operationId: 'getIncidentTrends',
        summary:
          'Incidents counted per group (entity, category, signature or upstream dependency) and week or month, aggregated in SQL over the incidents the caller may read. JSON, or CSV with `Accept: text/csv` or `format=csv`.',
        parameters: [
          {
            name: 'groupBy',
            in: 'query',
            required: true,
            allowReserved: true,
            schema: {
              type: 'string',
              enum: ['entity', 'category', 'signature', 'upstream'],
            },
          },
          {
            name: 'interval',
            in: 'query',
            allowReserved: true,
            schema: {
              type: 'string',
              enum: ['week', 'month'],
              default: 'week',
            },
          },
          {
            name: 'from',
            in: 'query',
            allowReserved: true,
            schema: {
              type: 'string',
              maxLength: 40,
            },
          },
          {
            name: 'to',
            in: 'query',
            allowReserved: true,
            schema: {
              type: 'string',
              maxLength: 40,
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
            name: 'top',
            in: 'query',
            allowReserved: true,
            schema: {
              type: 'integer',
              minimum: 1,
              maximum: 200,
              default: 50,
            },
          },
          {
            name: 'format',
            in: 'query',
            allowReserved: true,
            schema: {
              type: 'string',
              enum: ['json', 'csv'],
            },
          },
        ],
        responses: {
          '200': {
            description: 'The trend.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/IncidentTrend',
                },
              },
              'text/csv': {
                schema: {
                  type: 'string',
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
    '/reports/problem-effectiveness': {
      get: {
        tags: ['reports'],
        operationId: 'getProblemEffectivenessReport',
        summary:
          'Effectiveness of every resolved or closed problem the caller may read that was resolved in [from, to): JSON, or CSV with `Accept: text/csv` or `format=csv`.',
        parameters: [
          {
            name: 'from',
            in: 'query',
            allowReserved: true,
            schema: {
              type: 'string',
              maxLength: 40,
            },
          },
          {
            name: 'to',
            in: 'query',
            allowReserved: true,
            schema: {
              type: 'string',
              maxLength: 40,
            },
          },
          {
            name: 'format',
            in: 'query',
            allowReserved: true,
            schema: {
              type: 'string',
              enum: ['json', 'csv'],
            },
          },
        ],
        responses: {
          '200': {
            description: 'One row per problem.',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  required: ['items'],
                  properties: {
                    items: {
                      type: 'array',
                      items: {
                        type: 'object',
                        required: ['problemId', 'title', 'effectiveness'],
                        properties: {
                          problemId: {
                            type: 'string',
                          },
                          title: {
                            type: 'string',
                          },
                          effectiveness: {
                            $ref: '#/components/schemas/ProblemEffectiveness',
                          },
                        },
                      },
                    },
                  },
                },
              },
              'text/csv': {
                schema: {
                  type: 'string',
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
    '/satisfaction': {
      get: {
        tags: ['satisfaction'],
        operationId: 'getSatisfaction',
        summary:
          "A service's satisfaction figures over a period (CSAT %, mean rating, NPS, response rate, each with its count and a too-few flag), its monthly trend (the last six UTC months up to `to`) and the latest comments. Needs itsm.sla.read.",
        parameters: [
          {
            name: 'entityRef',
            in: 'query',
            required: true,
            allowReserved: true,
            schema: {
              $ref: '#/components/schemas/EntityRef',
            },
          },
          {
            name: 'from',
            in: 'query',
            allowReserved: true,
            description: 'Defaults to 90 days before `to`.',
            schema: {
              type: 'string',
              format: 'date-time',
              maxLength: 40,
            },
          },
          {
            name: 'to',
            in: 'query',
            allowReserved: true,
            description: 'Defaults to now.',
            schema: {
              type: 'string',
              format: 'date-time',
              maxLength: 40,
            },
          },
          {
            name: 'comments',
            in: 'query',
            allowReserved: true,
            description: 'How many of the latest comments, at most 50.',
            schema: {
              type: 'integer',
              minimum: 0,
              maximum: 50,
              default: 10,
            },
          },
        ],
        responses: {
          '200': {
            description: 'The figures, trend and comments.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/SatisfactionOverview',
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
    '/satisfaction/summary': {
      get: {
        tags: ['satisfaction'],
        operationId: 'getSatisfactionSummary',
        summary:
          'The figures of the last 90 days, for the service health card. Needs itsm.sla.read.',
        parameters: [
          {
            name: 'entityRef',
            in: 'query',
            required: true,
            allowReserved: true,
            schema: {
              $ref: '#/components/schemas/EntityRef',
            },
          },
        ],
        responses: {
          '200': {
            description: 'The figures.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/SatisfactionHealth',
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
    '/survey-invitations': {
      get: {
        tags: ['satisfaction'],
        operationId: 'listSurveyInvitations',
        summary:
          "The caller's own invitations, newest first: pending ones (default) or all, of a campaign or an incident, with the questions to answer.",
        parameters: [
          {
            name: 'surveyId',
            in: 'query',
            allowReserved: true,
            schema: {
              type: 'string',
              maxLength: 32,
            },
          },
          {
            name: 'incidentId',
            in: 'query',
            allowReserved: true,
            schema: {
              type: 'string',
              maxLength: 32,
            },
          },
          {
            name: 'state',
            in: 'query',
            allowReserved: true,
            schema: {
              type: 'string',
              enum: ['pending', 'all'],
              default: 'pending',
            },
          },
          {
            name: 'limit',
            in: 'query',
            allowReserved: true,
            schema: {
              type: 'integer',
              minimum: 1,
              maximum: 100,
              default: 20,
            },
          },
        ],
        responses: {
          '200': {
            description: 'The invitations.',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  required: ['items'],
                  properties: {
                    items: {
                      type: 'array',
                      items: {
                        $ref: '#/components/schemas/SurveyInvitation',
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
    '/incidents/{id}/satisfaction': {
      post: {
        tags: ['satisfaction'],
        operationId: 'rateIncidentResolution',
        summary:
          "The reporter's rating of the incident's latest resolution they were invited to rate; written once. 404 unknown or unreadable incident, 403 not invited, 409 rated already, the invitation expired or the incident was reopened (not resolved or closed), 400 answers that do not fit (a low score needs a comment).",
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
                $ref: '#/components/schemas/SurveyResponseCreate',
              },
            },
          },
        },
        responses: {
          '201': {
            description: 'The response.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/SurveyResponse',
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
    '/survey-templates': {
      get: {
        tags: ['satisfaction'],
        operationId: 'listSurveyTemplates',
        summary: "The built-in templates, then one's own.",
        responses: {
          '200': {
            description: 'The templates.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/SurveyTemplatePage',
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
        tags: ['satisfaction'],
        operationId: 'createSurveyTemplate',
        summary: "A template of one's own. Needs itsm.survey.manage.",
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/SurveyTemplateCreate',
              },
            },
          },
        },
        responses: {
          '201': {
            description: 'The template.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/SurveyTemplate',
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
    '/survey-templates/{id}': {
      get: {
        tags: ['satisfaction'],
        operationId: 'getSurveyTemplate',
        parameters: [
          {
            $ref: '#/components/parameters/surveyTemplateId',
          },
        ],
        responses: {
          '200': {
            description: 'The template; `ETag` carries its version.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/SurveyTemplate',
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
        tags: ['satisfaction'],
        operationId: 'updateSurveyTemplate',
        summary:
          "Edits a template of one's own (built-in ones: 409); campaigns made from it keep their questions. Needs If-Match and itsm.survey.manage.",
        parameters: [
          {
            $ref: '#/components/parameters/surveyTemplateId',
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
                $ref: '#/components/schemas/SurveyTemplatePatch',
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
                  $ref: '#/components/schemas/SurveyTemplate',
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
    '/survey-templates/{id}/history': {
      get: {
        tags: ['satisfaction'],
        operationId: 'getSurveyTemplateHistory',
        parameters: [
          {
            $ref: '#/components/parameters/surveyTemplateId',
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
            description: 'A page of history events, oldest first.',
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
    '/surveys': {
      get: {
        tags: ['satisfaction'],
        operationId: 'listSurveys',
        summary:
          'Survey campaigns, newest first, filtered and paged by an opaque cursor.',
        parameters: [
          {
            name: 'entityRef',
            in: 'query',
            allowReserved: true,
            description:
              'The service asked about (case-insensitive). Repeat for several.',
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
                $ref: '#/components/schemas/SurveyStatus',
              },
            },
            style: 'form',
            explode: true,
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
            description: 'A page of campaigns.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/SurveyPage',
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
        tags: ['satisfaction'],
        operationId: 'createSurvey',
        summary:
          'A draft campaign on a service, with the questions of its template. Needs itsm.survey.manage.',
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/SurveyCreate',
              },
            },
          },
        },
        responses: {
          '201': {
            description: 'The campaign.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Survey',
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
    '/surveys/{id}': {
      get: {
        tags: ['satisfaction'],
        operationId: 'getSurvey',
        parameters: [
          {
            $ref: '#/components/parameters/surveyId',
          },
        ],
        responses: {
          '200': {
            description: 'The campaign; `ETag` carries its version.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Survey',
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
        tags: ['satisfaction'],
        operationId: 'updateSurvey',
        summary:
          'Edits a draft; an open campaign takes a new closesAt only (409 otherwise), a closed one nothing. Needs If-Match and itsm.survey.manage.',
        parameters: [
          {
            $ref: '#/components/parameters/surveyId',
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
                $ref: '#/components/schemas/SurveyPatch',
              },
            },
          },
        },
        responses: {
          '200': {
            description: 'The campaign after the edit.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Survey',
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
    '/surveys/{id}/transitions': {
      post: {
        tags: ['satisfaction'],
        operationId: 'transitionSurvey',
        summary:
          'Opens (needs a closesAt in the future and an audience that names somebody; the audience is resolved to people and each is invited once, in the same write) or closes a campaign. Needs If-Match and itsm.survey.manage.',
        parameters: [
          {
            $ref: '#/components/parameters/surveyId',
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
                $ref: '#/components/schemas/SurveyTransition',
              },
            },
          },
        },
        responses: {
          '200': {
            description: 'The campaign after the move.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Survey',
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
    '/surveys/{id}/history': {
      get: {
        tags: ['satisfaction'],
        operationId: 'getSurveyHistory',
        parameters: [
          {
            $ref: '#/components/parameters/surveyId',
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
            description: 'A page of history events, oldest first.',
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
    '/surveys/{id}/responses': {
      post: {
        tags: ['satisfaction'],
        operationId: 'respondToSurvey',
        summary:
          "The caller's answer to a campaign; written once, never edited. 404 unknown campaign, 403 not invited, 409 answered already or closed, 400 answers that do not fit the questions (a low score needs a comment). An anonymous campaign stores no respondent.",
        parameters: [
          {
            $ref: '#/components/parameters/surveyId',
          },
        ],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/SurveyResponseCreate',
              },
            },
          },
        },
        responses: {
          '201': {
            description: 'The response.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/SurveyResponse',
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
    '/surveys/{id}/links': {
      get: {
        tags: ['surveys'],
        operationId: 'listSurveyLinks',
        summary:
          'Links of a survey to and from other records (direction outgoing or incoming).',
        parameters: [
          {
            $ref: '#/components/parameters/surveyId',
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
            description: 'A page of record links.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/RecordLinkPage',
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
        tags: ['surveys'],
        operationId: 'createSurveyLink',
        summary: 'Links a survey to another record (an outgoing link).',
        parameters: [
          {
            $ref: '#/components/parameters/surveyId',
          },
        ],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/RecordLinkCreate',
              },
            },
          },
        },
        responses: {
          '201': {
            description: 'The created link.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/RecordLink',
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
    '/surveys/{id}/links/{linkId}': {
      delete: {
        tags: ['surveys'],
        operationId: 'deleteSurveyLink',
        summary: 'Removes a link of a survey, outgoing or incoming.',
        parameters: [
          {
            $ref: '#/components/parameters/surveyId',
          },
          {
            $ref: '#/components/parameters/linkId',
          },
        ],
        responses: {
          '204': {
            description: 'The link was removed.',
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/complaints': {
      get: {
        tags: ['complaints'],
        operationId: 'listComplaints',
        summary:
          'Complaints the caller may read (their own, those they or their groups own, those about services they own, or all, as the policy says), newest first, paged by an opaque cursor.',
        parameters: [
          {
            name: 'entityRef',
            in: 'query',
            allowReserved: true,
            description:
              'The service complained about (case-insensitive). Repeat for several.',
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
                $ref: '#/components/schemas/ComplaintStatus',
              },
            },
            style: 'form',
            explode: true,
          },
          {
            name: 'owner',
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
            name: 'complainant',
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
            description: 'A page of complaints.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/ComplaintPage',
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
        tags: ['complaints'],
        operationId: 'createComplaint',
        summary:
          "Raises a complaint about a service (status open) as the caller, the complainant. Its owner is the service's owner in the catalog, who is notified. Needs itsm.complaint.create.",
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/ComplaintCreate',
              },
            },
          },
        },
        responses: {
          '201': {
            description: 'The created complaint.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Complaint',
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
    '/complaints/{id}': {
      get: {
        tags: ['complaints'],
        operationId: 'getComplaint',
        parameters: [
          {
            $ref: '#/components/parameters/complaintId',
          },
        ],
        responses: {
          '200': {
            description: 'The complaint; `ETag` carries its version.',
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
                  $ref: '#/components/schemas/Complaint',
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
        tags: ['complaints'],
        operationId: 'updateComplaint',
        summary:
          "Edits a complaint's title, description, owner, response or category. Needs If-Match and itsm.complaint.manage; a closed complaint takes no edits (409).",
        parameters: [
          {
            $ref: '#/components/parameters/complaintId',
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
                $ref: '#/components/schemas/ComplaintPatch',
              },
            },
          },
        },
        responses: {
          '200': {
            description: 'The complaint after the edit.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Complaint',
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
    '/complaints/{id}/transitions': {
      post: {
        tags: ['complaints'],
        operationId: 'transitionComplaint',
        summary:
          'Moves a complaint through its lifecycle (open → investigating → resolved → closed; open → resolved; resolved → investigating). 409 for a move not allowed from the current status; 400 for the fields the move requires (owner to investigate, response to resolve, comment to re-open). Needs itsm.complaint.manage, except that the complainant may close or re-open their resolved complaint.',
        parameters: [
          {
            $ref: '#/components/parameters/complaintId',
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
                $ref: '#/components/schemas/ComplaintTransition',
              },
            },
          },
        },
        responses: {
          '200': {
            description: 'The complaint after the move.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Complaint',
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
    '/complaints/{id}/history': {
      get: {
        tags: ['complaints'],
        operationId: 'getComplaintHistory',
        parameters: [
          {
            $ref: '#/components/parameters/complaintId',
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
            description: 'A page of history events, oldest first.',
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
    '/complaints/{id}/links': {
      get: {
        tags: ['complaints'],
        operationId: 'listComplaintLinks',
        summary:
          'Links of a complaint to and from other records (direction outgoing or incoming).',
        parameters: [
          {
            $ref: '#/components/parameters/complaintId',
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
            description: 'A page of record links.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/RecordLinkPage',
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
        tags: ['complaints'],
        operationId: 'createComplaintLink',
        summary: 'Links a complaint to another record (an outgoing link).',
        parameters: [
          {
            $ref: '#/components/parameters/complaintId',
          },
        ],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/RecordLinkCreate',
              },
            },
          },
        },
        responses: {
          '201': {
            description: 'The created link.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/RecordLink',
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
    '/complaints/{id}/links/{linkId}': {
      delete: {
        tags: ['complaints'],
        operationId: 'deleteComplaintLink',
        summary: 'Removes a link of a complaint, outgoing or incoming.',
        parameters: [
          {
            $ref: '#/components/parameters/complaintId',
          },
          {
            $ref: '#/components/parameters/linkId',
          },
        ],
        responses: {
          '204': {
            description: 'The link was removed.',
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/reviews': {
      get: {
        tags: ['reviews'],
        operationId: 'listReviews',
        summary:
          'Service reviews the caller may read, newest first (by creation), filtered and paged by an opaque cursor.',
        parameters: [
          {
            name: 'entityRef',
            in: 'query',
            allowReserved: true,
            description:
              'The reviewed service (case-insensitive). Repeat for several.',
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
                $ref: '#/components/schemas/ReviewStatus',
              },
            },
            style: 'form',
            explode: true,
          },
          {
            name: 'overdue',
            in: 'query',
            allowReserved: true,
            description:
              'true: only reviews whose scheduled date has passed while they are still scheduled or prepared; false: only the others.',
            schema: {
              type: 'string',
              enum: ['true', 'false'],
            },
          },
          {
            name: 'slaId',
            in: 'query',
            allowReserved: true,
            schema: {
              type: 'string',
              maxLength: 32,
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
            description: 'A page of reviews.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/ReviewPage',
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
        tags: ['reviews'],
        operationId: 'createReview',
        summary:
          "Schedules a review of a service by hand (the scheduling job schedules them from the SLA's review cadence). The service needs an SLA; the period defaults to the last review (or the SLA's start) up to scheduledFor; the agenda to the default agenda. Needs itsm.review.manage.",
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/ReviewCreate',
              },
            },
          },
        },
        responses: {
          '201': {
            description: 'The scheduled review.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Review',
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
    '/reviews/{id}': {
      get: {
        tags: ['reviews'],
        operationId: 'getReview',
        parameters: [
          {
            $ref: '#/components/parameters/reviewId',
          },
        ],
        responses: {
          '200': {
            description: 'The review; `ETag` carries its version.',
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
                  $ref: '#/components/schemas/Review',
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
        tags: ['reviews'],
        operationId: 'updateReview',
        summary:
          'Edits the title, date, attendees, agenda, minutes and decisions. Needs If-Match. 409 on a closed or cancelled review, and for scheduledFor once the review was held.',
        parameters: [
          {
            $ref: '#/components/parameters/reviewId',
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
                $ref: '#/components/schemas/ReviewPatch',
              },
            },
          },
        },
        responses: {
          '200': {
            description: 'The review after the edit.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Review',
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
    '/reviews/{id}/transitions': {
      post: {
        tags: ['reviews'],
        operationId: 'transitionReview',
        summary:
          "Moves a review through scheduled → prepared → held → closed, or to cancelled. 409 for a move not allowed from the current status; 400 for what the move requires: a frozen pack to prepare, minutes and attendees to hold, the customer's sign-off to close, cancelReason to cancel. Closing sets the SLA's lastReviewedAt to the held date.",
        parameters: [
          {
            $ref: '#/components/parameters/reviewId',
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
                $ref: '#/components/schemas/ReviewTransition',
              },
            },
          },
        },
        responses: {
          '200': {
            description: 'The review after the move.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Review',
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
    '/reviews/{id}/history': {
      get: {
        tags: ['reviews'],
        operationId: 'getReviewHistory',
        parameters: [
          {
            $ref: '#/components/parameters/reviewId',
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
            description: 'A page of history events, oldest first.',
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
    '/reviews/{id}/pack': {
      get: {
        tags: ['reviews'],
        operationId: 'getReviewPack',
        summary:
          "The review pack in one request: the frozen pack (null before freezing), the pack generated now from live records for the review's period (always before freezing; afterwards as `live` says), and, once frozen, what changed in the live data since (drift).",
        parameters: [
          {
            $ref: '#/components/parameters/reviewId',
          },
          {
            name: 'live',
            in: 'query',
            allowReserved: true,
            description:
              'Whether to generate the live pack and the drift; by default while the review is open, not once it is closed or cancelled. false for the print page of a frozen pack.',
            schema: {
              type: 'string',
              enum: ['true', 'false'],
            },
          },
        ],
        responses: {
          '200': {
            description: 'The result.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/ReviewPackView',
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
        tags: ['reviews'],
        operationId: 'freezeReviewPack',
        summary:
          "Generates the pack for the review's period from live records and freezes it into the review with its content hash and the generator version. Needs If-Match. Allowed while the review is scheduled or prepared (freezing again replaces the pack and is recorded in the history with both hashes); 409 once the review was held: then the pack is what was agreed and never changes.",
        parameters: [
          {
            $ref: '#/components/parameters/reviewId',
          },
          {
            $ref: '#/components/parameters/ifMatch',
          },
        ],
        requestBody: {
          required: false,
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/ReviewPackFreeze',
              },
            },
          },
        },
        responses: {
          '200': {
            description:
              "The review with its frozen pack's hash, version and time.",
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Review',
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
    '/reviews/{id}/sign-off': {
      post: {
        tags: ['reviews'],
        operationId: 'signOffReview',
        summary:
          "The customer signs the held review off. Only a member of the SLA's customer groups (catalog group membership) may, whatever the permission policy says (403 otherwise); 409 unless the review is held and not yet signed off. No If-Match (like an approval).",
        parameters: [
          {
            $ref: '#/components/parameters/reviewId',
          },
        ],
        requestBody: {
          required: false,
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/ReviewSignOff',
              },
            },
          },
        },
        responses: {
          '200': {
            description: 'The signed-off review.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Review',
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
    '/reviews/{id}/actions': {
      get: {
        tags: ['reviews'],
        operationId: 'listReviewActionsOfReview',
        summary:
          'The actions recorded at the review, in the order they were recorded.',
        parameters: [
          {
            $ref: '#/components/parameters/reviewId',
          },
        ],
        responses: {
          '200': {
            description: 'The result.',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  required: ['items'],
                  properties: {
                    items: {
                      type: 'array',
                      items: {
                        $ref: '#/components/schemas/ReviewAction',
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
      post: {
        tags: ['reviews'],
        operationId: 'createReviewAction',
        summary:
          'Records an action (open) with its owner and due date; a history event on the review, whose version stays. 409 on a closed or cancelled review. Needs itsm.review.manage.',
        parameters: [
          {
            $ref: '#/components/parameters/reviewId',
          },
        ],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/ReviewActionCreate',
              },
            },
          },
        },
        responses: {
          '201': {
            description: 'The result.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/ReviewAction',
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
    '/reviews/{id}/actions/{actionId}': {
      patch: {
        tags: ['reviews'],
        operationId: 'updateReviewAction',
        summary:
          "Edits an action or moves it open → in_progress → done | dropped (dropped needs a note). If-Match carries the action's own version: actions are tracked until done, after their review has closed. Allowed with itsm.review.manage on the review, or to the action's owner. Each write is a history event on the review.",
        parameters: [
          {
            $ref: '#/components/parameters/reviewId',
          },
          {
            $ref: '#/components/parameters/reviewActionId',
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
                $ref: '#/components/schemas/ReviewActionPatch',
              },
            },
          },
        },
        responses: {
          '200': {
            description: 'The result.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/ReviewAction',
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
    '/reviews/{id}/links': {
      get: {
        tags: ['reviews'],
        operationId: 'listReviewLinks',
        summary:
          'Links of a review to and from other records (direction outgoing or incoming).',
        parameters: [
          {
            $ref: '#/components/parameters/reviewId',
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
            description: 'A page of record links.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/RecordLinkPage',
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
        tags: ['reviews'],
        operationId: 'createReviewLink',
        summary: 'Links a review to another record (an outgoing link).',
        parameters: [
          {
            $ref: '#/components/parameters/reviewId',
          },
        ],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/RecordLinkCreate',
              },
            },
          },
        },
        responses: {
          '201': {
            description: 'The created link.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/RecordLink',
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
    '/reviews/{id}/links/{linkId}': {
      delete: {
        tags: ['reviews'],
        operationId: 'deleteReviewLink',
        summary: 'Removes a link of a review, outgoing or incoming.',
        parameters: [
          {
            $ref: '#/components/parameters/reviewId',
          },
          {
            $ref: '#/components/parameters/linkId',
          },
        ],
        responses: {
          '204': {
            description: 'The link was removed.',
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/review-actions': {
      get: {
        tags: ['reviews'],
        operationId: 'listReviewActions',
        summary:
          'Actions of the reviews the caller may read ("My actions", the reviews page), newest first, filtered and paged by an opaque cursor.',
        parameters: [
          {
            name: 'owner',
            in: 'query',
            allowReserved: true,
            description:
              "The action's owner (user or group ref). Repeat for several.",
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
                $ref: '#/components/schemas/ReviewActionStatus',
              },
            },
            style: 'form',
            explode: true,
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
            name: 'overdue',
            in: 'query',
            allowReserved: true,
            description:
              'true - only open or in-progress actions past their due date.',
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
            description: 'The result.',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  required: ['items', 'nextCursor'],
                  properties: {
                    items: {
                      type: 'array',
                      items: {
                        $ref: '#/components/schemas/ReviewAction',
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
    },
    '/review-scheduling/runs': {
      post: {
        tags: ['reviews'],
        operationId: 'runReviewScheduling',
        summary:
          'Runs the review scheduling now (it also runs on a schedule, once across replicas): the next review of every SLA in force is scheduled from its cadence, review-due, overdue and action reminders go out once each. Needs itsm.sla.manage.',
        responses: {
          '200': {
            description: 'The result.',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  required: ['scheduled', 'notified'],
                  properties: {
                    scheduled: {
                      type: 'array',
                      items: {
                        type: 'string',
                      },
                    },
                    notified: {
                      type: 'integer',
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
    '/improvements': {
      get: {
        tags: ['improvements'],
        operationId: 'listImprovements',
        summary:
          'The improvement register as the caller may read it (items they or their groups own, items on services they own, or all, as the policy says), filtered in SQL and paged by an opaque cursor. Sorted by creation (newest first), score or target date (items without one last when ascending); `overdue` is computed on read.',
        parameters: [
          {
            $ref: '#/components/parameters/improvementEntityRef',
          },
          {
            $ref: '#/components/parameters/improvementStatus',
          },
          {
            $ref: '#/components/parameters/improvementKind',
          },
          {
            $ref: '#/components/parameters/improvementSource',
          },
          {
            $ref: '#/components/parameters/improvementOwner',
          },
          {
            $ref: '#/components/parameters/improvementVerdict',
          },
          {
            $ref: '#/components/parameters/improvementOverdue',
          },
          {
            $ref: '#/components/parameters/improvementSort',
          },
          {
            $ref: '#/components/parameters/improvementOrder',
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
            description: 'A page of improvement items.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/ImprovementPage',
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
        tags: ['improvements'],
        operationId: 'createImprovement',
        summary:
          "Raises an improvement item or corrective action (status proposed). The owner defaults to the caller; the owning group to the owner when a group, else to the owner group of the first service. A `sourceId` must name a record of its source the caller may read (400 otherwise, nothing written): sla_breach `BRE-n` (the breach's `improvementId` becomes the new item, with history; 409 when it names another item already); incident_trend `INC-n`; problem `PRB-n` or `KE-n`; change_review `CHG-n`; complaint `CMP-n`; service_review `REV-n` or a review action `REV-n/A-m`; customer_feedback a campaign `SUR-n`, or one comment as `<source.id>/<at>` of the comment as `GET /satisfaction` lists it (`SUR-4/2027-03-01T10:00:00.000Z` for a campaign answer, `INC-7/2027-03-01T10:00:00.000Z` for an incident rating). The record is linked `IMP-n relates_to <it>` (a review action's review, a comment's campaign or incident). For audit_finding, management_review and other, `sourceId` is a free reference. Needs itsm.improvement.create.",
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/ImprovementCreate',
              },
            },
          },
        },
        responses: {
          '201': {
            description: 'The created item.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Improvement',
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
    '/improvements/draft': {
      get: {
        tags: ['improvements'],
        operationId: 'getImprovementDraft',
        summary:
          "A create body pre-filled from a source record (the \"Raise improvement\" buttons): title, a description quoting the source's facts, services, kind (a breach is a corrective action with its nonconformity), owner (a review action's or a problem's, else the caller), a KPI to measure it by and the priority inputs. The `sourceId` forms are those of `POST /improvements`. 404 when the source does not exist or the caller may not read it; needs itsm.improvement.create.",
        parameters: [
          {
            name: 'source',
            in: 'query',
            allowReserved: true,
            required: true,
            schema: {
              $ref: '#/components/schemas/ImprovementSource',
            },
          },
          {
            name: 'sourceId',
            in: 'query',
            allowReserved: true,
            required: true,
            schema: {
              type: 'string',
              minLength: 1,
              maxLength: 100,
            },
          },
        ],
        responses: {
          '200': {
            description: 'The draft.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/ImprovementDraft',
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
    '/improvements/export': {
      get: {
        tags: ['improvements'],
        operationId: 'exportImprovements',
        summary:
          "Every item matching the list's filters that the caller may read, as CSV (not paged): priority inputs and score, the KPI, the baseline and measured figures (from, to, value, n), goal, verdict and the evaluation. Cells a spreadsheet would run as a formula are defused with a leading apostrophe.",
        parameters: [
          {
            $ref: '#/components/parameters/improvementEntityRef',
          },
          {
            $ref: '#/components/parameters/improvementStatus',
          },
          {
            $ref: '#/components/parameters/improvementKind',
          },
          {
            $ref: '#/components/parameters/improvementSource',
          },
          {
            $ref: '#/components/parameters/improvementOwner',
          },
          {
            $ref: '#/components/parameters/improvementVerdict',
          },
          {
            $ref: '#/components/parameters/improvementOverdue',
          },
          {
            $ref: '#/components/parameters/improvementSort',
          },
          {
            $ref: '#/components/parameters/improvementOrder',
          },
        ],
        responses: {
          '200': {
            description: 'The register as CSV (RFC 4180, CRLF line ends).',
            content: {
              'text/csv': {
                schema: {
                  type: 'string',
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
    '/improvements/{id}': {
      get: {
        tags: ['improvements'],
        operationId: 'getImprovement',
        parameters: [
          {
            $ref: '#/components/parameters/improvementId',
          },
        ],
        responses: {
          '200': {
            description: 'The item; `ETag` carries its version.',
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
                  $ref: '#/components/schemas/Improvement',
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
        tags: ['improvements'],
        operationId: 'updateImprovement',
        summary:
          'Edits an item. Needs If-Match and itsm.improvement.update. Closed and rejected items take no edits (409); the KPI is fixed once the item is approved (409: its baseline was frozen for it).',
        parameters: [
          {
            $ref: '#/components/parameters/improvementId',
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
                $ref: '#/components/schemas/ImprovementPatch',
              },
            },
          },
        },
        responses: {
          '200': {
            description: 'The item after the edit.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Improvement',
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
    '/improvements/{id}/transitions': {
      post: {
        tags: ['improvements'],
        operationId: 'transitionImprovement',
        summary:
          "Moves an item (proposed → approved → in_progress → implemented → evaluated → closed; proposed or approved → rejected with a reason). Approving and rejecting need itsm.improvement.approve, and the approver may be neither the owner nor a member of the owner's or the owning group (403, nothing written); approving an item with a KPI measures its baseline over the W days before and freezes it into the item (503 and nothing written when it cannot be measured). Other moves need itsm.improvement.update. An item with a KPI is evaluated by the system (`POST /improvements/{id}/evaluation`, or the hourly job), never by hand (409). Needs If-Match.",
        parameters: [
          {
            $ref: '#/components/parameters/improvementId',
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
                $ref: '#/components/schemas/ImprovementTransition',
              },
            },
          },
        },
        responses: {
          '200': {
            description: 'The item after the move.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Improvement',
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
    '/improvements/{id}/evaluation': {
      post: {
        tags: ['improvements'],
        operationId: 'evaluateImprovement',
        summary:
          "Measures an implemented item's KPI over its measurement window [implementedAt + settle, + W) now: stores the figure (from, to, value, n, unit), the goal, the verdict against the frozen baseline (achieved, not_achieved, inconclusive on too few events) and a summary sentence with the numbers, and moves it to evaluated. 409 unless the item is implemented with a KPI and the window is over (the message says when it ends). Needs If-Match and itsm.improvement.update.",
        parameters: [
          {
            $ref: '#/components/parameters/improvementId',
          },
          {
            $ref: '#/components/parameters/ifMatch',
          },
        ],
        responses: {
          '200': {
            description: 'The evaluated item.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Improvement',
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
    '/improvements/{id}/history': {
      get: {
        tags: ['improvements'],
        operationId: 'getImprovementHistory',
        parameters: [
          {
            $ref: '#/components/parameters/improvementId',
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
            description: 'A page of history events, oldest first.',
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
    '/improvements/{id}/links': {
      get: {
        tags: ['improvements'],
        operationId: 'listImprovementLinks',
        summary:
          'Links of an improvement to and from other records (direction outgoing or incoming).',
        parameters: [
          {
            $ref: '#/components/parameters/improvementId',
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
            description: 'A page of record links.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/RecordLinkPage',
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
        tags: ['improvements'],
        operationId: 'createImprovementLink',
        summary: 'Links an improvement to another record (an outgoing link).',
        parameters: [
          {
            $ref: '#/components/parameters/improvementId',
          },
        ],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/RecordLinkCreate',
              },
            },
          },
        },
        responses: {
          '201': {
            description: 'The created link.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/RecordLink',
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
    '/improvements/{id}/links/{linkId}': {
      delete: {
        tags: ['improvements'],
        operationId: 'deleteImprovementLink',
        summary: 'Removes a link of an improvement, outgoing or incoming.',
        parameters: [
          {
            $ref: '#/components/parameters/improvementId',
          },
          {
            $ref: '#/components/parameters/linkId',
          },
        ],
        responses: {
          '204': {
            description: 'The link was removed.',
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/improvement-counts': {
      get: {
        tags: ['improvements'],
        operationId: 'getImprovementCounts',
        summary:
          "The open items (proposed, approved, in progress) on an entity and how many of them are overdue (past the end of their target date, UTC), counted in SQL over the items the caller may read, with the list's permission filter (the service health card). Both counts are null when the caller may not read improvement items.",
        parameters: [
          {
            name: 'entityRef',
            in: 'query',
            required: true,
            allowReserved: true,
            description: 'The entity, a full ref (case-insensitive).',
            schema: {
              type: 'string',
              minLength: 1,
              maxLength: 255,
            },
          },
        ],
        responses: {
          '200': {
            description: 'The counts.',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  required: ['entityRef', 'open', 'overdue'],
                  properties: {
                    entityRef: {
                      type: 'string',
                      description: 'The entity, lowercase.',
                    },
                    open: {
                      type: ['integer', 'null'],
                    },
                    overdue: {
                      type: ['integer', 'null'],
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
    '/improvement-evaluations/runs': {
      post: {
        tags: ['improvements'],
        operationId: 'runImprovementEvaluations',
        summary:
          'Runs the evaluation job now (it also runs hourly, once across replicas): every implemented item with a KPI whose measurement window is over is evaluated, as the plugin. Needs itsm.improvement.approve on every item (an unconditional decision).',
        responses: {
          '200': {
            description: 'What the run did.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/ImprovementEvaluationRun',
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
    '/improvement-suggestions/runs': {
      post: {
        tags: ['improvements'],
        operationId: 'runImprovementSuggestions',
        summary:
          'Runs the suggestions job now (it also runs daily, once across replicas): items are proposed for what the other practices show, never twice for one source key. Needs itsm.improvement.approve on every item (an unconditional decision).',
        responses: {
          '200': {
            description: 'What the run did.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/ImprovementSuggestionRun',
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
      linkId: {
        name: 'linkId',
        in: 'path',
        required: true,
        description: 'The link id, from a RecordLink.',
        schema: {
          type: 'string',
          maxLength: 32,
        },
      },
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
      calendarId: {
        name: 'id',
        in: 'path',
        required: true,
        description: 'The calendar id, e.g. business-hours-eu.',
        schema: {
          type: 'string',
          maxLength: 100,
        },
      },
      slaId: {
        name: 'id',
        in: 'path',
        required: true,
        description: 'The SLA id, e.g. SLA-4.',
        schema: {
          type: 'string',
          maxLength: 32,
        },
      },
      supportingAgreementId: {
        name: 'id',
        in: 'path',
        required: true,
        description: 'The OLA or UC id, e.g. OLA-2 or UC-7.',
        schema: {
          type: 'string',
          maxLength: 32,
        },
      },
      agreementOrder: {
        name: 'order',
        in: 'query',
        allowReserved: true,
        description: 'Newest first (desc, the default) or oldest first.',
        schema: {
          type: 'string',
          enum: ['asc', 'desc'],
        },
      },
      breachId: {
        name: 'id',
        in: 'path',
        required: true,
        description: 'The breach id, e.g. BRE-12.',
        schema: {
          type: 'string',
          maxLength: 32,
        },
      },
      breachFrom: {
        name: 'from',
        in: 'query',
        allowReserved: true,
        description: 'Breached at or after this instant (ISO-8601).',
        schema: {
          type: 'string',
          maxLength: 40,
        },
      },
      breachTo: {
        name: 'to',
        in: 'query',
        allowReserved: true,
        description: 'Breached before this instant (ISO-8601).',
        schema: {
          type: 'string',
          maxLength: 40,
        },
      },
      reportFrom: {
        name: 'from',
        in: 'query',
        allowReserved: true,
        required: true,
        description: 'Start of the period, inclusive (ISO-8601 instant).',
        schema: {
          type: 'string',
          maxLength: 40,
        },
      },
      reportTo: {
        name: 'to',
        in: 'query',
        allowReserved: true,
        required: true,
        description:
          'End of the period, exclusive; at most 366 days after from.',
        schema: {
          type: 'string',
          maxLength: 40,
        },
      },
      problemId: {
        name: 'id',
        in: 'path',
        required: true,
        description: 'The problem id, PRB-n.',
        schema: {
          type: 'string',
          maxLength: 32,
        },
      },
      knownErrorId: {
        name: 'id',
        in: 'path',
        required: true,
        description: 'The known error id, KE-n.',
        schema: {
          type: 'string',
          maxLength: 32,
        },
      },
      surveyId: {
        name: 'id',
        in: 'path',
        required: true,
        description: 'The campaign id, e.g. SUR-4.',
        schema: {
          type: 'string',
          maxLength: 32,
        },
      },
      surveyTemplateId: {
        name: 'id',
        in: 'path',
        required: true,
        description: 'The template id, e.g. service-satisfaction.',
        schema: {
          type: 'string',
          maxLength: 100,
        },
      },
      complaintId: {
        name: 'id',
        in: 'path',
        required: true,
        description: 'The complaint id, CMP-n.',
        schema: {
          type: 'string',
          maxLength: 32,
        },
      },
      reviewId: {
        name: 'id',
        in: 'path',
        required: true,
        schema: {
          type: 'string',
          maxLength: 32,
        },
      },
      reviewActionId: {
        name: 'actionId',
        in: 'path',
        required: true,
        description: "The action's number within its review, like A-2.",
        schema: {
          type: 'string',
          maxLength: 32,
        },
      },
      improvementId: {
        name: 'id',
        in: 'path',
        required: true,
        description: "The improvement item's id, IMP-n.",
        schema: {
          type: 'string',
          maxLength: 32,
        },
      },
      improvementEntityRef: {
        name: 'entityRef',
        in: 'query',
        allowReserved: true,
        description:
          "One of the item's services (case-insensitive). Repeat for several.",
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
      improvementStatus: {
        name: 'status',
        in: 'query',
        allowReserved: true,
        schema: {
          type: 'array',
          items: {
            $ref: '#/components/schemas/ImprovementStatus',
          },
        },
        style: 'form',
        explode: true,
      },
      improvementKind: {
        name: 'kind',
        in: 'query',
        allowReserved: true,
        schema: {
          type: 'array',
          items: {
            $ref: '#/components/schemas/ImprovementKind',
          },
        },
        style: 'form',
        explode: true,
      },
      improvementSource: {
        name: 'source',
        in: 'query',
        allowReserved: true,
        schema: {
          type: 'array',
          items: {
            $ref: '#/components/schemas/ImprovementSource',
          },
        },
        style: 'form',
        explode: true,
      },
      improvementOwner: {
        name: 'owner',
        in: 'query',
        allowReserved: true,
        description:
          "The item's owner or owning group (case-insensitive). Repeat for several.",
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
      improvementVerdict: {
        name: 'verdict',
        in: 'query',
        allowReserved: true,
        description:
          "The evaluation's verdict; `none` for items not evaluated by the system.",
        schema: {
          type: 'array',
          items: {
            type: 'string',
            enum: ['achieved', 'not_achieved', 'inconclusive', 'none'],
          },
        },
        style: 'form',
        explode: true,
      },
      improvementOverdue: {
        name: 'overdue',
        in: 'query',
        allowReserved: true,
        description:
          'Open (proposed, approved, in progress) past the end of the target date (UTC).',
        schema: {
          type: 'string',
          enum: ['true', 'false'],
        },
      },
      improvementSort: {
        name: 'sort',
        in: 'query',
        allowReserved: true,
        schema: {
          type: 'string',
          enum: ['score', 'created', 'targetDate'],
          default: 'created',
        },
      },
      improvementOrder: {
        name: 'order',
        in: 'query',
        allowReserved: true,
        schema: {
          type: 'string',
          enum: ['asc', 'desc'],
          default: 'desc',
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
      Priority: {
        type: 'integer',
        description: 'P1 (critical) to P5 (planning).',
        enum: [1, 2, 3, 4, 5],
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
      RecordLinkCreate: {
        type: 'object',
        additionalProperties: {
          not: {},
        },
        required: ['to', 'relation'],
        properties: {
          to: {
            type: 'string',
            maxLength: 32,
            description: 'The record to link to',
            'e.g. CHG-3.': null,
          },
          relation: {
            type: 'string',
            description:
              'How the record the link is made on relates to the other one.',
            enum: [
              'relates_to',
              'caused_by',
              'fixes',
              'duplicates',
              'implements',
              'addresses',
              'reviews',
            ],
          },
          note: {
            type: 'string',
            maxLength: 500,
            description:
              'Why the records are linked; kept on the link and in both histories.',
          },
        },
      },
      RecordLink: {
        type: 'object',
        description:
          'A link between two records, as either record lists it: outgoing on the record it was made on (from), incoming on the other (to).',
        required: [
          'id',
          'from',
          'to',
          'relation',
          'direction',
          'createdAt',
          'createdBy',
        ],
        properties: {
          id: {
            type: 'string',
          },
          from: {
            type: 'string',
          },
          to: {
            type: 'string',
          },
          relation: {
            type: 'string',
            enum: [
              'relates_to',
              'caused_by',
              'fixes',
              'duplicates',
              'implements',
              'addresses',
              'reviews',
            ],
          },
          direction: {
            type: 'string',
            enum: ['outgoing', 'incoming'],
          },
          createdAt: {
            type: 'string',
            format: 'date-time',
          },
          createdBy: {
            type: 'string',
          },
          note: {
            type: 'string',
          },
        },
      },
      RecordLinkPage: {
        type: 'object',
        required: ['items', 'nextCursor'],
        properties: {
          items: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/RecordLink',
            },
          },
          nextCursor: {
            type: ['string', 'null'],
          },
        },
      },
      Level: {
        type: 'integer',
        description: '1 = high, 3 = low.',
        enum: [1, 2, 3],
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
            description:
              'One of the categories of `GET /incidents/categories` (400 naming `category` otherwise); a PATCH checks it only when it changes the category or subcategory.',
          },
          subcategory: {
            type: ['string', 'null'],
            maxLength: 100,
            description:
              "One of the category's subcategories (400 naming `subcategory` otherwise); null without a category.",
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
            description:
              'One of the categories of `GET /incidents/categories` (400 naming `category` otherwise); a PATCH checks it only when it changes the category or subcategory.',
          },
          subcategory: {
            type: ['string', 'null'],
            maxLength: 100,
            description:
              "One of the category's subcategories (400 naming `subcategory` otherwise); null without a category.",
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
          problemId: {
            type: 'string',
            maxLength: 32,
            description:
              'On hold awaiting_problem: the problem waited for; the incident is linked to it (caused_by). Required unless the incident is linked to a problem already.',
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
          'agreement',
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
          agreement: {
            description:
              'The SLA revision the target came from; null when it came from the configured defaults.',
            oneOf: [
              {
                $ref: '#/components/schemas/ClockAgreementRef',
              },
              {
                type: 'null',
              },
            ],
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
          'subcategory',
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
          'signature',
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
            description:
              'One of the configured categories (`uncategorised` for alerts and imports whose category is unknown); incidents raised before the taxonomy may hold free text.',
          },
          subcategory: {
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
          signature: {
            type: ['string', 'null'],
            description:
              'What makes incidents the same thing happening again: `alertmanager:<alertname>`, `pagerduty:<service>:<title>`, else `title:<normalised title>`; null for incidents raised before signatures were kept.',
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
      IncidentCategoryList: {
        type: 'object',
        required: ['items'],
        properties: {
          items: {
            type: 'array',
            items: {
              type: 'object',
              required: ['id', 'subcategories'],
              properties: {
                id: {
                  type: 'string',
                  examples: ['availability'],
                },
                subcategories: {
                  type: 'array',
                  items: {
                    type: 'string',
                  },
                  examples: [['outage', 'degradation', 'failover']],
                },
              },
            },
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
          sla: {
            description: 'The SLA this calendar month; null without one.',
            oneOf: [
              {
                type: 'null',
              },
              {
                type: 'object',
                required: [
                  'id',
                  'title',
                  'attainmentPercent',
                  'met',
                  'breached',
                  'availabilityPercent',
                  'availabilityTargetPercent',
                  'nextReviewAt',
                  'reviewOverdue',
                ],
                properties: {
                  id: {
                    type: 'string',
                  },
                  title: {
                    type: 'string',
                  },
                  attainmentPercent: {
                    type: ['number', 'null'],
                  },
                  met: {
                    type: 'integer',
                  },
                  breached: {
                    type: 'integer',
                  },
                  availabilityPercent: {
                    type: ['number', 'null'],
                  },
                  availabilityTargetPercent: {
                    type: 'number',
                  },
                  nextReviewAt: {
                    type: 'string',
                    format: 'date-time',
                  },
                  reviewOverdue: {
                    type: 'boolean',
                  },
                },
              },
            ],
          },
          computedAt: {
            type: 'string',
            format: 'date-time',
          },
        },
      },
      ClockAgreementRef: {
        type: 'object',
        description: 'The SLA revision an incident clock took its target from.',
        required: ['slaId', 'revision'],
        properties: {
          slaId: {
            type: 'string',
          },
          revision: {
            type: 'integer',
            minimum: 1,
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
      CalendarHours: {
        type: 'object',
        description:
          "Local 'HH:mm' ranges per weekday, end exclusive, '24:00' allowed as an end.",
        additionalProperties: {
          not: {},
        },
        properties: {
          mon: {
            $ref: '#/components/schemas/CalendarRanges',
          },
          tue: {
            $ref: '#/components/schemas/CalendarRanges',
          },
          wed: {
            $ref: '#/components/schemas/CalendarRanges',
          },
          thu: {
            $ref: '#/components/schemas/CalendarRanges',
          },
          fri: {
            $ref: '#/components/schemas/CalendarRanges',
          },
          sat: {
            $ref: '#/components/schemas/CalendarRanges',
          },
          sun: {
            $ref: '#/components/schemas/CalendarRanges',
          },
        },
      },
      CalendarRanges: {
        type: 'array',
        maxItems: 24,
        items: {
          type: 'array',
          minItems: 2,
          maxItems: 2,
          items: {
            type: 'string',
            maxLength: 5,
          },
        },
      },
      CalendarHolidays: {
        type: 'array',
        maxItems: 1000,
        description: 'Local dates YYYY-MM-DD without service hours.',
        items: {
          type: 'string',
          maxLength: 10,
        },
      },
      CalendarCreate: {
        type: 'object',
        additionalProperties: {
          not: {},
        },
        required: ['id', 'timezone', 'hours'],
        properties: {
          id: {
            type: 'string',
            minLength: 1,
            maxLength: 100,
          },
          title: {
            type: 'string',
            minLength: 1,
            maxLength: 200,
          },
          timezone: {
            type: 'string',
            minLength: 1,
            maxLength: 100,
            description: 'IANA time zone.',
          },
          hours: {
            $ref: '#/components/schemas/CalendarHours',
          },
          holidays: {
            $ref: '#/components/schemas/CalendarHolidays',
          },
        },
      },
      CalendarPatch: {
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
          timezone: {
            type: 'string',
            minLength: 1,
            maxLength: 100,
          },
          hours: {
            $ref: '#/components/schemas/CalendarHours',
          },
          holidays: {
            $ref: '#/components/schemas/CalendarHolidays',
          },
        },
      },
      Calendar: {
        type: 'object',
        required: [
          'id',
          'version',
          'source',
          'title',
          'timezone',
          'hours',
          'configuredHolidays',
          'holidays',
          'createdAt',
          'updatedAt',
        ],
        properties: {
          id: {
            type: 'string',
          },
          version: {
            type: 'integer',
            minimum: 0,
            description:
              '0 until the API stores anything for a config calendar.',
          },
          source: {
            type: 'string',
            enum: ['builtin', 'config', 'api'],
          },
          title: {
            type: 'string',
          },
          timezone: {
            type: 'string',
          },
          hours: {
            $ref: '#/components/schemas/CalendarHours',
          },
          configuredHolidays: {
            type: 'array',
            description: 'Holidays from app-config (read-only here).',
            items: {
              type: 'string',
            },
          },
          holidays: {
            type: 'array',
            description: 'Holidays managed through the API.',
            items: {
              type: 'string',
            },
          },
          createdAt: {
            type: ['string', 'null'],
            format: 'date-time',
          },
          updatedAt: {
            type: ['string', 'null'],
            format: 'date-time',
          },
        },
      },
      CalendarPage: {
        type: 'object',
        required: ['items', 'nextCursor'],
        properties: {
          items: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/Calendar',
            },
          },
          nextCursor: {
            type: 'null',
          },
        },
      },
      ReviewCadence: {
        type: 'string',
        enum: ['monthly', 'quarterly', 'semiannual', 'annual'],
      },
      SupportingAgreementKind: {
        type: 'string',
        enum: ['ola', 'uc'],
      },
      DurationTarget: {
        type: 'object',
        additionalProperties: {
          not: {},
        },
        required: ['duration'],
        properties: {
          duration: {
            type: 'string',
            maxLength: 32,
            description: 'A duration like 30m, 4h, 3d or 1h30m.',
          },
          calendarId: {
            type: 'string',
            maxLength: 100,
            description: "Counted on this calendar instead of the agreement's.",
          },
        },
      },
      IncidentClockTargets: {
        type: 'object',
        additionalProperties: {
          not: {},
        },
        properties: {
          response: {
            $ref: '#/components/schemas/DurationTarget',
          },
          resolution: {
            $ref: '#/components/schemas/DurationTarget',
          },
        },
      },
      ServiceLevelTargets: {
        type: 'object',
        additionalProperties: {
          not: {},
        },
        properties: {
          incidents: {
            type: 'object',
            additionalProperties: {
              not: {},
            },
            description:
              'Response and resolution targets per priority (p1 … p5).',
            properties: {
              p1: {
                $ref: '#/components/schemas/IncidentClockTargets',
              },
              p2: {
                $ref: '#/components/schemas/IncidentClockTargets',
              },
              p3: {
                $ref: '#/components/schemas/IncidentClockTargets',
              },
              p4: {
                $ref: '#/components/schemas/IncidentClockTargets',
              },
              p5: {
                $ref: '#/components/schemas/IncidentClockTargets',
              },
            },
          },
          availabilityPercent: {
            type: 'number',
          },
          changeSuccessRatePercent: {
            type: 'number',
          },
          csatPercent: {
            type: 'number',
          },
        },
      },
      WorkloadLimits: {
        type: 'object',
        additionalProperties: {
          not: {},
        },
        properties: {
          incidentsPerMonth: {
            type: 'integer',
          },
          majorIncidentsPerMonth: {
            type: 'integer',
          },
          changesPerMonth: {
            type: 'integer',
          },
        },
      },
      SlaCreate: {
        type: 'object',
        additionalProperties: {
          not: {},
        },
        required: ['entityRef', 'title', 'calendarId', 'targets'],
        properties: {
          entityRef: {
            $ref: '#/components/schemas/EntityRef',
          },
          title: {
            type: 'string',
            minLength: 1,
            maxLength: 200,
          },
          calendarId: {
            type: 'string',
            minLength: 1,
            maxLength: 100,
          },
          customerGroups: {
            type: 'array',
            maxItems: 100,
            items: {
              $ref: '#/components/schemas/EntityRef',
            },
          },
          targets: {
            $ref: '#/components/schemas/ServiceLevelTargets',
          },
          workloadLimits: {
            $ref: '#/components/schemas/WorkloadLimits',
          },
          exceptions: {
            type: 'string',
            maxLength: 65536,
          },
          reviewCadence: {
            $ref: '#/components/schemas/ReviewCadence',
          },
          effectiveFrom: {
            type: 'string',
            format: 'date-time',
            description:
              'When the terms take effect; default now (server time). Terms cannot be backdated: an instant before now is a 400.',
          },
          effectiveTo: {
            type: ['string', 'null'],
            format: 'date-time',
          },
          lastReviewedAt: {
            type: ['string', 'null'],
            format: 'date-time',
          },
        },
      },
      SlaPatch: {
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
          calendarId: {
            type: 'string',
            minLength: 1,
            maxLength: 100,
          },
          customerGroups: {
            type: 'array',
            maxItems: 100,
            items: {
              $ref: '#/components/schemas/EntityRef',
            },
          },
          targets: {
            $ref: '#/components/schemas/ServiceLevelTargets',
          },
          workloadLimits: {
            $ref: '#/components/schemas/WorkloadLimits',
          },
          exceptions: {
            type: 'string',
            maxLength: 65536,
          },
          reviewCadence: {
            $ref: '#/components/schemas/ReviewCadence',
          },
          effectiveFrom: {
            type: 'string',
            format: 'date-time',
          },
          effectiveTo: {
            type: ['string', 'null'],
            format: 'date-time',
          },
          lastReviewedAt: {
            type: ['string', 'null'],
            format: 'date-time',
            description:
              'Refused with a 400 naming the field: closing a service review sets the review date.',
          },
        },
      },
      ServiceLevelAgreement: {
        type: 'object',
        required: [
          'id',
          'version',
          'revision',
          'entityRef',
          'title',
          'customerGroups',
          'calendarId',
          'targets',
          'workloadLimits',
          'exceptions',
          'reviewCadence',
          'effectiveFrom',
          'effectiveTo',
          'lastReviewedAt',
          'nextReviewAt',
          'createdAt',
          'createdBy',
          'updatedAt',
        ],
        properties: {
          id: {
            type: 'string',
            examples: ['SLA-4'],
          },
          version: {
            type: 'integer',
            minimum: 1,
          },
          revision: {
            type: 'integer',
            minimum: 1,
          },
          entityRef: {
            type: 'string',
          },
          title: {
            type: 'string',
          },
          customerGroups: {
            type: 'array',
            items: {
              type: 'string',
            },
          },
          calendarId: {
            type: 'string',
          },
          targets: {
            $ref: '#/components/schemas/ServiceLevelTargets',
          },
          workloadLimits: {
            $ref: '#/components/schemas/WorkloadLimits',
          },
          exceptions: {
            type: 'string',
          },
          reviewCadence: {
            $ref: '#/components/schemas/ReviewCadence',
          },
          effectiveFrom: {
            type: 'string',
            format: 'date-time',
          },
          effectiveTo: {
            type: ['string', 'null'],
            format: 'date-time',
          },
          lastReviewedAt: {
            type: ['string', 'null'],
            format: 'date-time',
          },
          nextReviewAt: {
            type: 'string',
            format: 'date-time',
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
      SupportingAgreementCreate: {
        type: 'object',
        additionalProperties: {
          not: {},
        },
        required: ['kind', 'entityRef', 'title', 'calendarId', 'targets'],
        properties: {
          kind: {
            $ref: '#/components/schemas/SupportingAgreementKind',
          },
          entityRef: {
            $ref: '#/components/schemas/EntityRef',
          },
          title: {
            type: 'string',
            minLength: 1,
            maxLength: 200,
          },
          internalGroup: {
            type: ['string', 'null'],
            maxLength: 255,
          },
          supplier: {
            type: ['string', 'null'],
            maxLength: 200,
          },
          contractRef: {
            type: ['string', 'null'],
            maxLength: 200,
          },
          slaIds: {
            type: 'array',
            maxItems: 100,
            items: {
              type: 'string',
              maxLength: 32,
            },
            description:
              "The SLAs this agreement underpins; linking to one needs ownership of that SLA's service too (403 naming the SLA).",
          },
          calendarId: {
            type: 'string',
            minLength: 1,
            maxLength: 100,
          },
          targets: {
            $ref: '#/components/schemas/ServiceLevelTargets',
          },
          workloadLimits: {
            $ref: '#/components/schemas/WorkloadLimits',
          },
          exceptions: {
            type: 'string',
            maxLength: 65536,
          },
          reviewCadence: {
            $ref: '#/components/schemas/ReviewCadence',
          },
          effectiveFrom: {
            type: 'string',
            format: 'date-time',
            description:
              'When the terms take effect; default now (server time). Terms cannot be backdated: an instant before now is a 400.',
          },
          effectiveTo: {
            type: ['string', 'null'],
            format: 'date-time',
          },
          lastReviewedAt: {
            type: ['string', 'null'],
            format: 'date-time',
          },
        },
      },
      SupportingAgreementPatch: {
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
          internalGroup: {
            type: ['string', 'null'],
            maxLength: 255,
          },
          supplier: {
            type: ['string', 'null'],
            maxLength: 200,
          },
          contractRef: {
            type: ['string', 'null'],
            maxLength: 200,
          },
          slaIds: {
            type: 'array',
            maxItems: 100,
            items: {
              type: 'string',
              maxLength: 32,
            },
          },
          calendarId: {
            type: 'string',
            minLength: 1,
            maxLength: 100,
          },
          targets: {
            $ref: '#/components/schemas/ServiceLevelTargets',
          },
          workloadLimits: {
            $ref: '#/components/schemas/WorkloadLimits',
          },
          exceptions: {
            type: 'string',
            maxLength: 65536,
          },
          reviewCadence: {
            $ref: '#/components/schemas/ReviewCadence',
          },
          effectiveFrom: {
            type: 'string',
            format: 'date-time',
          },
          effectiveTo: {
            type: ['string', 'null'],
            format: 'date-time',
          },
          lastReviewedAt: {
            type: ['string', 'null'],
            format: 'date-time',
          },
        },
      },
      SupportingAgreement: {
        type: 'object',
        required: [
          'id',
          'version',
          'revision',
          'kind',
          'entityRef',
          'title',
          'internalGroup',
          'supplier',
          'contractRef',
          'slaIds',
          'calendarId',
          'targets',
          'workloadLimits',
          'exceptions',
          'reviewCadence',
          'effectiveFrom',
          'effectiveTo',
          'lastReviewedAt',
          'nextReviewAt',
          'createdAt',
          'createdBy',
          'updatedAt',
        ],
        properties: {
          id: {
            type: 'string',
            examples: ['OLA-2', 'UC-7'],
          },
          version: {
            type: 'integer',
            minimum: 1,
          },
          revision: {
            type: 'integer',
            minimum: 1,
          },
          kind: {
            $ref: '#/components/schemas/SupportingAgreementKind',
          },
          entityRef: {
            type: 'string',
          },
          title: {
            type: 'string',
          },
          internalGroup: {
            type: ['string', 'null'],
          },
          supplier: {
            type: ['string', 'null'],
          },
          contractRef: {
            type: ['string', 'null'],
          },
          slaIds: {
            type: 'array',
            items: {
              type: 'string',
            },
          },
          calendarId: {
            type: 'string',
          },
          targets: {
            $ref: '#/components/schemas/ServiceLevelTargets',
          },
          workloadLimits: {
            $ref: '#/components/schemas/WorkloadLimits',
          },
          exceptions: {
            type: 'string',
          },
          reviewCadence: {
            $ref: '#/components/schemas/ReviewCadence',
          },
          effectiveFrom: {
            type: 'string',
            format: 'date-time',
          },
          effectiveTo: {
            type: ['string', 'null'],
            format: 'date-time',
          },
          lastReviewedAt: {
            type: ['string', 'null'],
            format: 'date-time',
          },
          nextReviewAt: {
            type: 'string',
            format: 'date-time',
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
      AgreementRevision: {
        type: 'object',
        required: [
          'revision',
          'title',
          'calendarId',
          'targets',
          'workloadLimits',
          'exceptions',
          'reviewCadence',
          'effectiveFrom',
          'effectiveTo',
          'createdAt',
          'createdBy',
        ],
        properties: {
          revision: {
            type: 'integer',
            minimum: 1,
          },
          title: {
            type: 'string',
          },
          calendarId: {
            type: 'string',
          },
          customerGroups: {
            type: 'array',
            items: {
              type: 'string',
            },
            description: 'SLAs only.',
          },
          internalGroup: {
            type: ['string', 'null'],
            description: 'OLAs and UCs only.',
          },
          supplier: {
            type: ['string', 'null'],
            description: 'OLAs and UCs only.',
          },
          contractRef: {
            type: ['string', 'null'],
            description: 'OLAs and UCs only.',
          },
          targets: {
            $ref: '#/components/schemas/ServiceLevelTargets',
          },
          workloadLimits: {
            $ref: '#/components/schemas/WorkloadLimits',
          },
          exceptions: {
            type: 'string',
          },
          reviewCadence: {
            $ref: '#/components/schemas/ReviewCadence',
          },
          effectiveFrom: {
            type: 'string',
            format: 'date-time',
          },
          effectiveTo: {
            type: ['string', 'null'],
            format: 'date-time',
          },
          createdAt: {
            type: 'string',
            format: 'date-time',
          },
          createdBy: {
            type: 'string',
          },
        },
      },
      AgreementRevisionList: {
        type: 'object',
        required: ['items'],
        properties: {
          items: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/AgreementRevision',
            },
          },
        },
      },
      AlignmentFinding: {
        type: 'object',
        required: ['agreementId', 'field', 'slaField', 'message'],
        properties: {
          agreementId: {
            type: 'string',
          },
          field: {
            type: 'string',
            description: 'The path in the supporting agreement.',
          },
          slaField: {
            type: 'string',
            description: 'The path in the SLA.',
          },
          message: {
            type: 'string',
          },
        },
      },
      SlaAlignment: {
        type: 'object',
        required: ['slaId', 'agreements', 'findings'],
        properties: {
          slaId: {
            type: 'string',
          },
          agreements: {
            type: 'array',
            items: {
              type: 'object',
              required: ['id', 'kind', 'title', 'aligned'],
              properties: {
                id: {
                  type: 'string',
                },
                kind: {
                  $ref: '#/components/schemas/SupportingAgreementKind',
                },
                title: {
                  type: 'string',
                },
                aligned: {
                  type: 'boolean',
                },
              },
            },
          },
          findings: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/AlignmentFinding',
            },
          },
        },
      },
      SlaBreach: {
        type: 'object',
        required: [
          'id',
          'version',
          'recordId',
          'clock',
          'priority',
          'entityRef',
          'slaId',
          'slaRevision',
          'targetMs',
          'calendarId',
          'breachedAt',
          'detectedAt',
          'cause',
          'action',
          'improvementId',
          'waiver',
          'createdAt',
          'updatedAt',
        ],
        properties: {
          id: {
            type: 'string',
          },
          version: {
            type: 'integer',
          },
          recordId: {
            type: 'string',
          },
          clock: {
            type: 'string',
            enum: ['response', 'resolution'],
          },
          priority: {
            $ref: '#/components/schemas/Priority',
          },
          entityRef: {
            type: 'string',
          },
          slaId: {
            type: ['string', 'null'],
          },
          slaRevision: {
            type: ['integer', 'null'],
          },
          targetMs: {
            type: 'integer',
          },
          calendarId: {
            type: 'string',
          },
          breachedAt: {
            type: 'string',
            format: 'date-time',
          },
          detectedAt: {
            type: 'string',
            format: 'date-time',
          },
          cause: {
            type: ['string', 'null'],
          },
          action: {
            type: ['string', 'null'],
          },
          improvementId: {
            type: ['string', 'null'],
          },
          waiver: {
            oneOf: [
              {
                type: 'null',
              },
              {
                type: 'object',
                required: ['reason', 'approver', 'at'],
                properties: {
                  reason: {
                    type: 'string',
                  },
                  approver: {
                    type: 'string',
                  },
                  at: {
                    type: 'string',
                    format: 'date-time',
                  },
                },
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
        },
      },
      SlaBreachPage: {
        type: 'object',
        required: ['items', 'nextCursor'],
        properties: {
          items: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/SlaBreach',
            },
          },
          nextCursor: {
            type: ['string', 'null'],
          },
        },
      },
      BreachPatch: {
        type: 'object',
        additionalProperties: {
          not: {},
        },
        properties: {
          cause: {
            type: ['string', 'null'],
            maxLength: 65536,
          },
          action: {
            type: ['string', 'null'],
            maxLength: 65536,
          },
          improvementId: {
            type: ['string', 'null'],
            maxLength: 32,
          },
          waiver: {
            oneOf: [
              {
                type: 'null',
              },
              {
                type: 'object',
                additionalProperties: {
                  not: {},
                },
                required: ['reason', 'approver'],
                properties: {
                  reason: {
                    type: 'string',
                    minLength: 1,
                    maxLength: 65536,
                  },
                  approver: {
                    type: 'string',
                    minLength: 1,
                    maxLength: 255,
                  },
                },
              },
            ],
          },
        },
      },
      SlaReport: {
        type: 'object',
        description: 'See SlaReport in @backstage-itsm/plugin-itsm-common.',
        required: [
          'entityRef',
          'from',
          'to',
          'generatedAt',
          'sla',
          'targets',
          'overall',
          'breaches',
          'availability',
          'changeSuccess',
          'csat',
          'workload',
          'trend',
        ],
        properties: {
          entityRef: {
            type: 'string',
          },
          from: {
            type: 'string',
            format: 'date-time',
          },
          to: {
            type: 'string',
            format: 'date-time',
          },
          generatedAt: {
            type: 'string',
            format: 'date-time',
          },
          sla: {
            type: ['object', 'null'],
          },
          targets: {
            type: 'array',
            items: {
              type: 'object',
            },
          },
          overall: {
            type: 'object',
          },
          breaches: {
            type: 'object',
            required: ['total', 'waived', 'items'],
            properties: {
              total: {
                type: 'integer',
              },
              waived: {
                type: 'integer',
              },
              items: {
                type: 'array',
                items: {
                  $ref: '#/components/schemas/SlaBreach',
                },
              },
            },
          },
          availability: {
            type: 'object',
          },
          changeSuccess: {
            type: 'object',
          },
          csat: {
            type: 'object',
          },
          workload: {
            type: 'array',
            items: {
              type: 'object',
            },
          },
          trend: {
            type: 'array',
            items: {
              type: 'object',
            },
          },
        },
      },
      SlaPortfolioReport: {
        type: 'object',
        required: ['from', 'to', 'generatedAt', 'items'],
        properties: {
          from: {
            type: 'string',
            format: 'date-time',
          },
          to: {
            type: 'string',
            format: 'date-time',
          },
          generatedAt: {
            type: 'string',
            format: 'date-time',
          },
          items: {
            type: 'array',
            items: {
              type: 'object',
              required: [
                'entityRef',
                'slaId',
                'met',
                'breached',
                'waived',
                'attainmentPercent',
                'availabilityPercent',
                'availabilityTargetPercent',
              ],
              properties: {
                entityRef: {
                  type: 'string',
                },
                slaId: {
                  type: ['string', 'null'],
                },
                met: {
                  type: 'integer',
                },
                breached: {
                  type: 'integer',
                },
                waived: {
                  type: 'integer',
                },
                attainmentPercent: {
                  type: ['number', 'null'],
                },
                availabilityPercent: {
                  type: ['number', 'null'],
                },
                availabilityTargetPercent: {
                  type: ['number', 'null'],
                },
              },
            },
          },
        },
      },
      ProblemStatus: {
        type: 'string',
        enum: [
          'candidate',
          'new',
          'investigating',
          'known_error',
          'resolved',
          'closed',
          'cancelled',
        ],
      },
      ProblemOrigin: {
        type: 'string',
        enum: [
          'reactive',
          'proactive',
          'major_incident',
          'trend',
          'change_review',
        ],
      },
      ContributingFactor: {
        type: 'string',
        enum: ['people', 'process', 'technology', 'supplier', 'change'],
      },
      RcaEntry: {
        type: 'object',
        additionalProperties: {
          not: {},
        },
        required: ['label', 'text'],
        properties: {
          label: {
            type: 'string',
            minLength: 1,
            maxLength: 200,
          },
          text: {
            type: 'string',
            maxLength: 10000,
          },
          at: {
            type: 'string',
            format: 'date-time',
          },
          parent: {
            type: 'string',
            maxLength: 200,
          },
          factor: {
            $ref: '#/components/schemas/ContributingFactor',
          },
        },
      },
      Problem: {
        type: 'object',
        required: [
          'id',
          'version',
          'title',
          'statement',
          'entityRefs',
          'status',
          'priority',
          'origin',
          'createdAt',
        ],
        properties: {
          id: {
            type: 'string',
          },
          version: {
            type: 'integer',
          },
          title: {
            type: 'string',
          },
          statement: {
            type: 'string',
          },
          entityRefs: {
            type: 'array',
            items: {
              type: 'string',
            },
          },
          category: {
            type: ['string', 'null'],
          },
          signature: {
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
            $ref: '#/components/schemas/ProblemStatus',
          },
          owner: {
            type: ['string', 'null'],
          },
          assignmentGroup: {
            type: ['string', 'null'],
          },
          origin: {
            $ref: '#/components/schemas/ProblemOrigin',
          },
          detection: {
            type: ['object', 'null'],
            description:
              'What the detection job saw (rule, key, window, incident count).',
          },
          rcaMethod: {
            type: ['string', 'null'],
            enum: ['five_whys', 'fishbone', 'timeline', 'fault_tree', null],
          },
          rcaNotes: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/RcaEntry',
            },
          },
          contributingFactors: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/ContributingFactor',
            },
          },
          rootCause: {
            type: ['string', 'null'],
          },
          workaround: {
            type: ['string', 'null'],
          },
          targetDate: {
            type: ['string', 'null'],
            format: 'date',
          },
          closureCode: {
            type: ['string', 'null'],
            enum: [
              'fixed',
              'risk_accepted',
              'duplicate',
              'cannot_reproduce',
              null,
            ],
          },
          cancelReason: {
            type: ['string', 'null'],
          },
          resolvedAt: {
            type: ['string', 'null'],
            format: 'date-time',
          },
          observationUntil: {
            type: ['string', 'null'],
            format: 'date-time',
          },
          closedAt: {
            type: ['string', 'null'],
            format: 'date-time',
          },
          incidentCount: {
            type: 'integer',
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
      ProblemPage: {
        type: 'object',
        required: ['items', 'nextCursor'],
        properties: {
          items: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/Problem',
            },
          },
          nextCursor: {
            type: ['string', 'null'],
          },
        },
      },
      ProblemCreate: {
        type: 'object',
        additionalProperties: {
          not: {},
        },
        required: ['title', 'entityRefs', 'impact', 'urgency'],
        properties: {
          title: {
            type: 'string',
            minLength: 1,
            maxLength: 200,
          },
          statement: {
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
          category: {
            type: ['string', 'null'],
            maxLength: 100,
          },
          signature: {
            type: ['string', 'null'],
            maxLength: 200,
          },
          impact: {
            $ref: '#/components/schemas/Level',
          },
          urgency: {
            $ref: '#/components/schemas/Level',
          },
          owner: {
            type: ['string', 'null'],
            maxLength: 255,
          },
          assignmentGroup: {
            type: ['string', 'null'],
            maxLength: 255,
          },
          origin: {
            $ref: '#/components/schemas/ProblemOrigin',
          },
          targetDate: {
            type: ['string', 'null'],
            maxLength: 10,
          },
          incidentIds: {
            type: 'array',
            maxItems: 100,
            items: {
              type: 'string',
              maxLength: 32,
            },
          },
          linkReason: {
            type: 'string',
            maxLength: 500,
          },
        },
      },
      ProblemPatch: {
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
          statement: {
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
          category: {
            type: ['string', 'null'],
            maxLength: 100,
          },
          signature: {
            type: ['string', 'null'],
            maxLength: 200,
          },
          impact: {
            $ref: '#/components/schemas/Level',
          },
          urgency: {
            $ref: '#/components/schemas/Level',
          },
          owner: {
            type: ['string', 'null'],
            maxLength: 255,
          },
          assignmentGroup: {
            type: ['string', 'null'],
            maxLength: 255,
          },
          rcaMethod: {
            type: ['string', 'null'],
            enum: ['five_whys', 'fishbone', 'timeline', 'fault_tree', null],
          },
          rcaNotes: {
            type: 'array',
            maxItems: 100,
            items: {
              $ref: '#/components/schemas/RcaEntry',
            },
          },
          contributingFactors: {
            type: 'array',
            maxItems: 5,
            items: {
              $ref: '#/components/schemas/ContributingFactor',
            },
          },
          rootCause: {
            type: ['string', 'null'],
            maxLength: 65536,
          },
          workaround: {
            type: ['string', 'null'],
            maxLength: 65536,
          },
          targetDate: {
            type: ['string', 'null'],
            maxLength: 10,
          },
        },
      },
      ProblemTransition: {
        type: 'object',
        additionalProperties: {
          not: {},
        },
        required: ['to'],
        properties: {
          to: {
            $ref: '#/components/schemas/ProblemStatus',
          },
          comment: {
            type: 'string',
            maxLength: 65536,
          },
          owner: {
            type: 'string',
            maxLength: 255,
          },
          rootCause: {
            type: 'string',
            maxLength: 65536,
          },
          workaround: {
            type: 'string',
            maxLength: 65536,
          },
          closureCode: {
            type: 'string',
            enum: ['fixed', 'risk_accepted', 'duplicate', 'cannot_reproduce'],
          },
          cancelReason: {
            type: 'string',
            maxLength: 2000,
          },
          contributingFactors: {
            type: 'array',
            maxItems: 5,
            items: {
              $ref: '#/components/schemas/ContributingFactor',
            },
          },
        },
      },
      ProblemIncidentLinkCreate: {
        type: 'object',
        additionalProperties: {
          not: {},
        },
        required: ['incidentId'],
        properties: {
          incidentId: {
            type: 'string',
            maxLength: 32,
          },
          reason: {
            type: 'string',
            maxLength: 500,
          },
        },
      },
      ProblemIncidentList: {
        type: 'object',
        required: ['items'],
        properties: {
          items: {
            type: 'array',
            items: {
              type: 'object',
              required: [
                'linkId',
                'incidentId',
                'title',
                'status',
                'priority',
                'entityRef',
                'createdAt',
                'linkedAt',
                'linkedBy',
              ],
              properties: {
                linkId: {
                  type: 'string',
                },
                incidentId: {
                  type: 'string',
                },
                title: {
                  type: 'string',
                },
                status: {
                  type: 'string',
                },
                priority: {
                  $ref: '#/components/schemas/Priority',
                },
                entityRef: {
                  type: 'string',
                },
                createdAt: {
                  type: 'string',
                  format: 'date-time',
                },
                resolvedAt: {
                  type: ['string', 'null'],
                  format: 'date-time',
                },
                linkedAt: {
                  type: 'string',
                  format: 'date-time',
                },
                linkedBy: {
                  type: 'string',
                },
                reason: {
                  type: ['string', 'null'],
                },
              },
            },
          },
        },
      },
      ProblemEffectiveness: {
        type: 'object',
        required: [
          'windowDays',
          'before',
          'after',
          'partial',
          'verdict',
          'reduction',
        ],
        properties: {
          windowDays: {
            type: 'integer',
          },
          before: {
            type: 'object',
            properties: {
              from: {
                type: 'string',
                format: 'date-time',
              },
              to: {
                type: 'string',
                format: 'date-time',
              },
              count: {
                type: 'integer',
              },
            },
          },
          after: {
            type: 'object',
            properties: {
              from: {
                type: 'string',
                format: 'date-time',
              },
              to: {
                type: 'string',
                format: 'date-time',
              },
              count: {
                type: 'integer',
              },
            },
          },
          partial: {
            type: 'boolean',
          },
          verdict: {
            type: 'string',
            enum: ['fewer', 'same', 'more'],
          },
          reduction: {
            type: ['number', 'null'],
          },
        },
      },
      KnownErrorMatchRules: {
        type: 'object',
        additionalProperties: {
          not: {},
        },
        properties: {
          categories: {
            type: 'array',
            maxItems: 20,
            items: {
              type: 'string',
              maxLength: 100,
            },
          },
          signatures: {
            type: 'array',
            maxItems: 20,
            items: {
              type: 'string',
              maxLength: 200,
            },
          },
          text: {
            type: 'array',
            maxItems: 20,
            items: {
              type: 'string',
              maxLength: 100,
            },
          },
        },
      },
      KnownError: {
        type: 'object',
        required: [
          'id',
          'version',
          'title',
          'symptom',
          'workaround',
          'entityRefs',
          'matchRules',
          'status',
        ],
        properties: {
          id: {
            type: 'string',
          },
          version: {
            type: 'integer',
          },
          title: {
            type: 'string',
          },
          symptom: {
            type: 'string',
          },
          rootCause: {
            type: 'string',
          },
          workaround: {
            type: 'string',
          },
          entityRefs: {
            type: 'array',
            items: {
              type: 'string',
            },
          },
          matchRules: {
            $ref: '#/components/schemas/KnownErrorMatchRules',
          },
          status: {
            type: 'string',
            enum: ['active', 'retired'],
          },
          reviewBy: {
            type: ['string', 'null'],
            format: 'date',
          },
          problemId: {
            type: ['string', 'null'],
          },
          offeredCount: {
            type: 'integer',
          },
          appliedCount: {
            type: 'integer',
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
      KnownErrorPage: {
        type: 'object',
        required: ['items', 'nextCursor'],
        properties: {
          items: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/KnownError',
            },
          },
          nextCursor: {
            type: ['string', 'null'],
          },
        },
      },
      KnownErrorCreate: {
        type: 'object',
        additionalProperties: {
          not: {},
        },
        required: ['title', 'symptom', 'workaround', 'entityRefs'],
        properties: {
          title: {
            type: 'string',
            minLength: 1,
            maxLength: 200,
          },
          symptom: {
            type: 'string',
            maxLength: 65536,
          },
          rootCause: {
            type: 'string',
            maxLength: 65536,
          },
          workaround: {
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
          matchRules: {
            $ref: '#/components/schemas/KnownErrorMatchRules',
          },
          reviewBy: {
            type: ['string', 'null'],
            maxLength: 10,
          },
          problemId: {
            type: ['string', 'null'],
            maxLength: 32,
          },
        },
      },
      KnownErrorPatch: {
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
          symptom: {
            type: 'string',
            maxLength: 65536,
          },
          rootCause: {
            type: 'string',
            maxLength: 65536,
          },
          workaround: {
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
          matchRules: {
            $ref: '#/components/schemas/KnownErrorMatchRules',
          },
          reviewBy: {
            type: ['string', 'null'],
            maxLength: 10,
          },
        },
      },
      KnownErrorMatch: {
        type: 'object',
        required: [
          'knownError',
          'score',
          'reasons',
          'matchedEntityRef',
          'upstream',
        ],
        properties: {
          knownError: {
            $ref: '#/components/schemas/KnownError',
          },
          score: {
            type: 'integer',
          },
          reasons: {
            type: 'array',
            items: {
              type: 'string',
            },
          },
          matchedEntityRef: {
            type: 'string',
          },
          upstream: {
            type: 'boolean',
          },
        },
      },
      IncidentTrend: {
        type: 'object',
        required: ['groupBy', 'interval', 'from', 'to', 'periods', 'rows'],
        properties: {
          groupBy: {
            type: 'string',
          },
          interval: {
            type: 'string',
          },
          from: {
            type: 'string',
            format: 'date-time',
          },
          to: {
            type: 'string',
            format: 'date-time',
          },
          periods: {
            type: 'array',
            description: 'Start of each week (Monday, UTC) or month, in order.',
            items: {
              type: 'string',
            },
          },
          rows: {
            type: 'array',
            items: {
              type: 'object',
              required: ['key', 'total', 'counts'],
              properties: {
                key: {
                  type: 'string',
                },
                total: {
                  type: 'integer',
                },
                counts: {
                  type: 'array',
                  description: 'One count per period, in the order of periods.',
                  items: {
                    type: 'integer',
                  },
                },
              },
            },
          },
        },
      },
      SurveyStatus: {
        type: 'string',
        enum: ['draft', 'open', 'closed'],
      },
      SurveyQuestion: {
        type: 'object',
        required: ['id', 'type', 'text'],
        properties: {
          id: {
            type: 'string',
            maxLength: 40,
          },
          type: {
            type: 'string',
            enum: ['rating', 'nps', 'choice', 'text'],
          },
          text: {
            type: 'string',
            maxLength: 500,
          },
          required: {
            type: 'boolean',
          },
          options: {
            type: 'array',
            maxItems: 20,
            items: {
              type: 'string',
              maxLength: 200,
            },
          },
          multiple: {
            type: 'boolean',
          },
        },
      },
      SurveyAudience: {
        type: 'object',
        additionalProperties: {
          not: {},
        },
        properties: {
          slaCustomers: {
            type: 'boolean',
            description:
              "The members of the customer groups of the service's SLA in force.",
          },
          consumerOwners: {
            type: 'boolean',
            description:
              'The members of the owners of the entities that depend on the service or consume its APIs (the catalog graph).',
          },
          extra: {
            type: 'array',
            maxItems: 200,
            items: {
              $ref: '#/components/schemas/EntityRef',
            },
          },
        },
      },
      SurveyTemplate: {
        type: 'object',
        required: [
          'id',
          'version',
          'title',
          'description',
          'questions',
          'builtIn',
        ],
        properties: {
          id: {
            type: 'string',
          },
          version: {
            type: 'integer',
          },
          title: {
            type: 'string',
          },
          description: {
            type: 'string',
          },
          questions: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/SurveyQuestion',
            },
          },
          builtIn: {
            type: 'boolean',
          },
          createdAt: {
            type: ['string', 'null'],
            format: 'date-time',
          },
          createdBy: {
            type: ['string', 'null'],
          },
          updatedAt: {
            type: ['string', 'null'],
            format: 'date-time',
          },
        },
      },
      SurveyTemplatePage: {
        type: 'object',
        required: ['items', 'nextCursor'],
        properties: {
          items: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/SurveyTemplate',
            },
          },
          nextCursor: {
            type: ['string', 'null'],
          },
        },
      },
      SurveyTemplateCreate: {
        type: 'object',
        additionalProperties: {
          not: {},
        },
        required: ['id', 'title', 'questions'],
        properties: {
          id: {
            type: 'string',
            maxLength: 60,
          },
          title: {
            type: 'string',
            minLength: 1,
            maxLength: 200,
          },
          description: {
            type: 'string',
            maxLength: 2000,
          },
          questions: {
            type: 'array',
            maxItems: 30,
            items: {
              $ref: '#/components/schemas/SurveyQuestion',
            },
          },
        },
      },
      SurveyTemplatePatch: {
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
            maxLength: 2000,
          },
          questions: {
            type: 'array',
            maxItems: 30,
            items: {
              $ref: '#/components/schemas/SurveyQuestion',
            },
          },
        },
      },
      Survey: {
        type: 'object',
        required: [
          'id',
          'version',
          'title',
          'entityRef',
          'templateId',
          'questions',
          'status',
          'anonymous',
          'audience',
          'invited',
          'responses',
          'createdAt',
        ],
        properties: {
          id: {
            type: 'string',
          },
          version: {
            type: 'integer',
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
          templateId: {
            type: 'string',
          },
          questions: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/SurveyQuestion',
            },
          },
          status: {
            $ref: '#/components/schemas/SurveyStatus',
          },
          anonymous: {
            type: 'boolean',
          },
          audience: {
            $ref: '#/components/schemas/SurveyAudience',
          },
          closesAt: {
            type: ['string', 'null'],
            format: 'date-time',
          },
          openedAt: {
            type: ['string', 'null'],
            format: 'date-time',
          },
          closedAt: {
            type: ['string', 'null'],
            format: 'date-time',
          },
          invited: {
            type: 'integer',
          },
          responses: {
            type: 'integer',
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
      SurveyPage: {
        type: 'object',
        required: ['items', 'nextCursor'],
        properties: {
          items: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/Survey',
            },
          },
          nextCursor: {
            type: ['string', 'null'],
          },
        },
      },
      SurveyCreate: {
        type: 'object',
        additionalProperties: {
          not: {},
        },
        required: ['title', 'entityRef'],
        properties: {
          title: {
            type: 'string',
            minLength: 1,
            maxLength: 200,
          },
          description: {
            type: 'string',
            maxLength: 5000,
          },
          entityRef: {
            $ref: '#/components/schemas/EntityRef',
          },
          templateId: {
            type: 'string',
            maxLength: 60,
          },
          anonymous: {
            type: 'boolean',
          },
          audience: {
            $ref: '#/components/schemas/SurveyAudience',
          },
          closesAt: {
            type: ['string', 'null'],
            maxLength: 40,
          },
        },
      },
      SurveyPatch: {
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
            maxLength: 5000,
          },
          templateId: {
            type: 'string',
            maxLength: 60,
          },
          anonymous: {
            type: 'boolean',
          },
          audience: {
            $ref: '#/components/schemas/SurveyAudience',
          },
          closesAt: {
            type: ['string', 'null'],
            maxLength: 40,
          },
        },
      },
      SurveyTransition: {
        type: 'object',
        additionalProperties: {
          not: {},
        },
        required: ['to'],
        properties: {
          to: {
            $ref: '#/components/schemas/SurveyStatus',
          },
          closesAt: {
            type: 'string',
            maxLength: 40,
          },
          comment: {
            type: 'string',
            maxLength: 5000,
          },
        },
      },
      SurveyResponseCreate: {
        type: 'object',
        additionalProperties: {
          not: {},
        },
        required: ['answers'],
        properties: {
          answers: {
            type: 'object',
            description:
              'Answers by question id: a number (rating 1–5, NPS 0–10), an option or a list of options (choice), or text.',
            additionalProperties: {
              oneOf: [
                {
                  type: 'number',
                },
                {
                  type: 'string',
                  maxLength: 5000,
                },
                {
                  type: 'array',
                  maxItems: 20,
                  items: {
                    type: 'string',
                    maxLength: 200,
                  },
                },
              ],
            },
          },
          comment: {
            type: ['string', 'null'],
            maxLength: 5000,
            description:
              'Why; required when the rating is 1–2 or the NPS answer 0–6.',
          },
        },
      },
      SurveySource: {
        type: 'object',
        required: ['type', 'id'],
        properties: {
          type: {
            type: 'string',
            enum: ['incident', 'campaign'],
          },
          id: {
            type: 'string',
          },
        },
      },
      SurveyResponse: {
        type: 'object',
        required: [
          'source',
          'entityRef',
          'respondent',
          'rating',
          'nps',
          'comment',
          'answers',
          'submittedAt',
        ],
        properties: {
          source: {
            $ref: '#/components/schemas/SurveySource',
          },
          entityRef: {
            type: 'string',
          },
          respondent: {
            type: ['string', 'null'],
            description: 'Null in an anonymous campaign.',
          },
          rating: {
            type: ['integer', 'null'],
          },
          nps: {
            type: ['integer', 'null'],
          },
          comment: {
            type: ['string', 'null'],
          },
          answers: {
            type: 'object',
          },
          submittedAt: {
            type: 'string',
            format: 'date-time',
          },
        },
      },
      SurveyInvitation: {
        type: 'object',
        required: [
          'source',
          'title',
          'entityRef',
          'questions',
          'anonymous',
          'invitedAt',
          'expiresAt',
          'state',
        ],
        properties: {
          source: {
            $ref: '#/components/schemas/SurveySource',
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
          questions: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/SurveyQuestion',
            },
          },
          anonymous: {
            type: 'boolean',
          },
          invitedAt: {
            type: 'string',
            format: 'date-time',
          },
          expiresAt: {
            type: 'string',
            format: 'date-time',
          },
          state: {
            type: 'string',
            enum: ['pending', 'answered', 'expired'],
          },
        },
      },
      SatisfactionFigures: {
        type: 'object',
        required: [
          'ratings',
          'csatPercent',
          'meanRating',
          'npsAnswers',
          'nps',
          'tooFew',
          'invited',
          'responses',
          'responseRatePercent',
        ],
        properties: {
          ratings: {
            type: 'integer',
            description: 'The n behind CSAT % and the mean.',
          },
          csatPercent: {
            type: ['number', 'null'],
          },
          meanRating: {
            type: ['number', 'null'],
          },
          npsAnswers: {
            type: 'integer',
          },
          nps: {
            type: ['number', 'null'],
          },
          tooFew: {
            type: 'boolean',
          },
          invited: {
            type: 'integer',
          },
          responses: {
            type: 'integer',
          },
          responseRatePercent: {
            type: ['number', 'null'],
          },
        },
      },
      SatisfactionTrendPoint: {
        allOf: [
          {
            $ref: '#/components/schemas/SatisfactionFigures',
          },
          {
            type: 'object',
            required: ['label', 'from', 'to'],
            properties: {
              label: {
                type: 'string',
              },
              from: {
                type: 'string',
                format: 'date-time',
              },
              to: {
                type: 'string',
                format: 'date-time',
              },
            },
          },
        ],
      },
      SatisfactionComment: {
        type: 'object',
        required: ['at', 'rating', 'nps', 'comment', 'source'],
        properties: {
          at: {
            type: 'string',
            format: 'date-time',
          },
          rating: {
            type: ['integer', 'null'],
          },
          nps: {
            type: ['integer', 'null'],
          },
          comment: {
            type: 'string',
          },
          source: {
            $ref: '#/components/schemas/SurveySource',
          },
        },
      },
      SatisfactionOverview: {
        type: 'object',
        required: [
          'entityRef',
          'from',
          'to',
          'minResponses',
          'figures',
          'trend',
          'comments',
        ],
        properties: {
          entityRef: {
            type: 'string',
          },
          from: {
            type: 'string',
            format: 'date-time',
          },
          to: {
            type: 'string',
            format: 'date-time',
          },
          minResponses: {
            type: 'integer',
          },
          figures: {
            $ref: '#/components/schemas/SatisfactionFigures',
          },
          trend: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/SatisfactionTrendPoint',
            },
          },
          comments: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/SatisfactionComment',
            },
          },
        },
      },
      SatisfactionHealth: {
        type: 'object',
        required: ['entityRef', 'from', 'to', 'figures'],
        properties: {
          entityRef: {
            type: 'string',
          },
          from: {
            type: 'string',
            format: 'date-time',
          },
          to: {
            type: 'string',
            format: 'date-time',
          },
          figures: {
            $ref: '#/components/schemas/SatisfactionFigures',
          },
        },
      },
      ComplaintStatus: {
        type: 'string',
        enum: ['open', 'investigating', 'resolved', 'closed'],
      },
      ComplaintChannel: {
        type: 'string',
        enum: [
          'portal',
          'email',
          'phone',
          'meeting',
          'service_review',
          'other',
        ],
      },
      Complaint: {
        type: 'object',
        required: [
          'id',
          'version',
          'title',
          'description',
          'entityRef',
          'complainant',
          'owner',
          'status',
          'response',
          'escalatedAt',
          'resolvedAt',
          'closedAt',
          'createdAt',
        ],
        properties: {
          id: {
            type: 'string',
          },
          version: {
            type: 'integer',
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
          complainant: {
            type: 'string',
          },
          owner: {
            type: ['string', 'null'],
          },
          channel: {
            type: ['string', 'null'],
            enum: [
              'portal',
              'email',
              'phone',
              'meeting',
              'service_review',
              'other',
              null,
            ],
          },
          category: {
            type: ['string', 'null'],
          },
          status: {
            $ref: '#/components/schemas/ComplaintStatus',
          },
          response: {
            type: ['string', 'null'],
          },
          escalatedAt: {
            type: ['string', 'null'],
            format: 'date-time',
          },
          resolvedAt: {
            type: ['string', 'null'],
            format: 'date-time',
          },
          closedAt: {
            type: ['string', 'null'],
            format: 'date-time',
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
      ComplaintPage: {
        type: 'object',
        required: ['items', 'nextCursor'],
        properties: {
          items: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/Complaint',
            },
          },
          nextCursor: {
            type: ['string', 'null'],
          },
        },
      },
      ComplaintCreate: {
        type: 'object',
        additionalProperties: {
          not: {},
        },
        required: ['title', 'description', 'entityRef'],
        properties: {
          title: {
            type: 'string',
            minLength: 1,
            maxLength: 200,
          },
          description: {
            type: 'string',
            minLength: 1,
            maxLength: 65536,
          },
          entityRef: {
            $ref: '#/components/schemas/EntityRef',
          },
          channel: {
            type: ['string', 'null'],
            enum: [
              'portal',
              'email',
              'phone',
              'meeting',
              'service_review',
              'other',
              null,
            ],
          },
          category: {
            type: ['string', 'null'],
            maxLength: 100,
          },
        },
      },
      ComplaintPatch: {
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
            minLength: 1,
            maxLength: 65536,
          },
          owner: {
            $ref: '#/components/schemas/EntityRef',
          },
          response: {
            type: 'string',
            minLength: 1,
            maxLength: 65536,
          },
          category: {
            type: ['string', 'null'],
            maxLength: 100,
          },
        },
      },
      ComplaintTransition: {
        type: 'object',
        additionalProperties: {
          not: {},
        },
        required: ['to'],
        properties: {
          to: {
            $ref: '#/components/schemas/ComplaintStatus',
          },
          comment: {
            type: 'string',
            maxLength: 65536,
          },
          owner: {
            $ref: '#/components/schemas/EntityRef',
          },
          response: {
            type: 'string',
            maxLength: 65536,
          },
        },
      },
      ReviewStatus: {
        type: 'string',
        enum: ['scheduled', 'prepared', 'held', 'closed', 'cancelled'],
      },
      ReviewActionStatus: {
        type: 'string',
        enum: ['open', 'in_progress', 'done', 'dropped'],
      },
      ReviewPeriod: {
        type: 'object',
        additionalProperties: {
          not: {},
        },
        required: ['from', 'to'],
        properties: {
          from: {
            type: 'string',
            format: 'date-time',
          },
          to: {
            type: 'string',
            format: 'date-time',
          },
        },
      },
      ReviewAgendaItem: {
        type: 'object',
        additionalProperties: {
          not: {},
        },
        required: ['title'],
        properties: {
          title: {
            type: 'string',
            minLength: 1,
            maxLength: 200,
          },
          notes: {
            type: 'string',
            maxLength: 10000,
          },
        },
      },
      ReviewDecision: {
        type: 'object',
        additionalProperties: {
          not: {},
        },
        required: ['text'],
        properties: {
          text: {
            type: 'string',
            minLength: 1,
            maxLength: 2000,
          },
        },
      },
      Review: {
        type: 'object',
        required: [
          'id',
          'version',
          'title',
          'entityRef',
          'slaId',
          'period',
          'scheduledFor',
          'status',
          'overdue',
          'attendees',
          'agenda',
          'minutes',
          'decisions',
          'createdAt',
        ],
        properties: {
          id: {
            type: 'string',
          },
          version: {
            type: 'integer',
          },
          title: {
            type: 'string',
          },
          entityRef: {
            type: 'string',
          },
          slaId: {
            type: 'string',
          },
          customerGroups: {
            type: 'array',
            items: {
              type: 'string',
            },
          },
          period: {
            $ref: '#/components/schemas/ReviewPeriod',
          },
          scheduledFor: {
            type: 'string',
            format: 'date-time',
          },
          status: {
            $ref: '#/components/schemas/ReviewStatus',
          },
          overdue: {
            type: 'boolean',
            description:
              'The scheduled date has passed and the review was not held yet.',
          },
          attendees: {
            type: 'array',
            items: {
              type: 'string',
            },
          },
          agenda: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/ReviewAgendaItem',
            },
          },
          minutes: {
            type: 'string',
          },
          decisions: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/ReviewDecision',
            },
          },
          heldAt: {
            type: ['string', 'null'],
            format: 'date-time',
          },
          cancelReason: {
            type: ['string', 'null'],
          },
          packFrozenAt: {
            type: ['string', 'null'],
            format: 'date-time',
          },
          packHash: {
            type: ['string', 'null'],
          },
          packGeneratorVersion: {
            type: ['string', 'null'],
          },
          signedOffBy: {
            type: ['string', 'null'],
          },
          signedOffAt: {
            type: ['string', 'null'],
            format: 'date-time',
          },
          signOffComment: {
            type: ['string', 'null'],
          },
          closedAt: {
            type: ['string', 'null'],
            format: 'date-time',
          },
          openActionCount: {
            type: 'integer',
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
      ReviewPage: {
        type: 'object',
        required: ['items', 'nextCursor'],
        properties: {
          items: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/Review',
            },
          },
          nextCursor: {
            type: ['string', 'null'],
          },
        },
      },
      ReviewCreate: {
        type: 'object',
        additionalProperties: {
          not: {},
        },
        required: ['entityRef', 'scheduledFor'],
        properties: {
          entityRef: {
            $ref: '#/components/schemas/EntityRef',
          },
          title: {
            type: 'string',
            minLength: 1,
            maxLength: 200,
          },
          scheduledFor: {
            type: 'string',
            format: 'date-time',
            maxLength: 40,
          },
          period: {
            $ref: '#/components/schemas/ReviewPeriod',
          },
          attendees: {
            type: 'array',
            maxItems: 50,
            items: {
              $ref: '#/components/schemas/EntityRef',
            },
          },
          agenda: {
            type: 'array',
            maxItems: 50,
            items: {
              $ref: '#/components/schemas/ReviewAgendaItem',
            },
          },
        },
      },
      ReviewPatch: {
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
          scheduledFor: {
            type: 'string',
            format: 'date-time',
            maxLength: 40,
          },
          attendees: {
            type: 'array',
            maxItems: 50,
            items: {
              $ref: '#/components/schemas/EntityRef',
            },
          },
          agenda: {
            type: 'array',
            maxItems: 50,
            items: {
              $ref: '#/components/schemas/ReviewAgendaItem',
            },
          },
          minutes: {
            type: 'string',
            maxLength: 65536,
          },
          decisions: {
            type: 'array',
            maxItems: 100,
            items: {
              $ref: '#/components/schemas/ReviewDecision',
            },
          },
        },
      },
      ReviewTransition: {
        type: 'object',
        additionalProperties: {
          not: {},
        },
        required: ['to'],
        properties: {
          to: {
            $ref: '#/components/schemas/ReviewStatus',
          },
          comment: {
            type: 'string',
            maxLength: 65536,
          },
          minutes: {
            type: 'string',
            maxLength: 65536,
          },
          attendees: {
            type: 'array',
            maxItems: 50,
            items: {
              $ref: '#/components/schemas/EntityRef',
            },
          },
          heldAt: {
            type: 'string',
            format: 'date-time',
            maxLength: 40,
            description:
              'When the meeting took place (moving to held); default now, never in the future.',
          },
          cancelReason: {
            type: 'string',
            maxLength: 2000,
          },
        },
      },
      ReviewPackFreeze: {
        type: 'object',
        additionalProperties: {
          not: {},
        },
        properties: {
          comment: {
            type: 'string',
            maxLength: 2000,
          },
        },
      },
      ReviewSignOff: {
        type: 'object',
        additionalProperties: {
          not: {},
        },
        properties: {
          comment: {
            type: 'string',
            maxLength: 2000,
          },
        },
      },
      ReviewPack: {
        type: 'object',
        description:
          'The review pack (SLA attainment and trend, availability, workload, breaches, incidents, problems, changes, satisfaction, complaints, supporting agreements, open actions), as the pack generator of the generator version assembles it.',
      },
      ReviewPackDrift: {
        type: 'object',
        required: ['changed', 'sections'],
        properties: {
          changed: {
            type: 'boolean',
          },
          sections: {
            type: 'array',
            items: {
              type: 'object',
            },
          },
        },
      },
      ReviewPackView: {
        type: 'object',
        required: ['frozen'],
        properties: {
          frozen: {
            oneOf: [
              {
                type: 'null',
              },
              {
                type: 'object',
                required: ['pack', 'hash', 'generatorVersion', 'frozenAt'],
                properties: {
                  pack: {
                    $ref: '#/components/schemas/ReviewPack',
                  },
                  hash: {
                    type: 'string',
                  },
                  generatorVersion: {
                    type: 'string',
                  },
                  frozenAt: {
                    type: 'string',
                    format: 'date-time',
                  },
                },
              },
            ],
          },
          live: {
            $ref: '#/components/schemas/ReviewPack',
          },
          drift: {
            $ref: '#/components/schemas/ReviewPackDrift',
          },
        },
      },
      ReviewAction: {
        type: 'object',
        required: [
          'id',
          'reviewId',
          'version',
          'title',
          'owner',
          'dueDate',
          'status',
          'entityRef',
          'overdue',
        ],
        properties: {
          id: {
            type: 'string',
            description: 'Stable id, like REV-4/A-2',
          },
          reviewId: {
            type: 'string',
          },
          number: {
            type: 'integer',
          },
          version: {
            type: 'integer',
          },
          title: {
            type: 'string',
          },
          owner: {
            type: 'string',
          },
          dueDate: {
            type: ['string', 'null'],
            format: 'date',
          },
          status: {
            $ref: '#/components/schemas/ReviewActionStatus',
          },
          entityRef: {
            type: 'string',
          },
          note: {
            type: ['string', 'null'],
          },
          recordId: {
            type: ['string', 'null'],
            description:
              'The record the action became or is tracked in (a link from the review).',
          },
          overdue: {
            type: 'boolean',
          },
          completedAt: {
            type: ['string', 'null'],
            format: 'date-time',
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
      ReviewActionCreate: {
        type: 'object',
        additionalProperties: {
          not: {},
        },
        required: ['title', 'owner', 'dueDate'],
        properties: {
          title: {
            type: 'string',
            minLength: 1,
            maxLength: 200,
          },
          owner: {
            $ref: '#/components/schemas/EntityRef',
          },
          dueDate: {
            type: 'string',
            format: 'date',
            maxLength: 10,
          },
          recordId: {
            type: 'string',
            maxLength: 32,
          },
        },
      },
      ReviewActionPatch: {
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
          owner: {
            $ref: '#/components/schemas/EntityRef',
          },
          dueDate: {
            type: 'string',
            format: 'date',
            maxLength: 10,
          },
          status: {
            $ref: '#/components/schemas/ReviewActionStatus',
          },
          note: {
            type: 'string',
            maxLength: 2000,
          },
          recordId: {
            type: 'string',
            maxLength: 32,
          },
        },
      },
      ImprovementStatus: {
        type: 'string',
        enum: [
          'proposed',
          'approved',
          'in_progress',
          'implemented',
          'evaluated',
          'closed',
          'rejected',
        ],
      },
      ImprovementKind: {
        type: 'string',
        enum: ['improvement', 'corrective_action'],
      },
      ImprovementType: {
        type: 'string',
        enum: ['people', 'process', 'technology', 'supplier'],
      },
      ImprovementSource: {
        type: 'string',
        enum: [
          'sla_breach',
          'incident_trend',
          'problem',
          'change_review',
          'customer_feedback',
          'complaint',
          'service_review',
          'audit_finding',
          'management_review',
          'other',
        ],
      },
      ImprovementKpiName: {
        type: 'string',
        enum: [
          'incident_count',
          'mttr',
          'sla_attainment',
          'breach_count',
          'availability',
          'csat',
          'change_failure_rate',
          'recurrence',
        ],
      },
      ImprovementVerdict: {
        type: 'string',
        enum: ['achieved', 'not_achieved', 'inconclusive'],
      },
      ImprovementTarget: {
        oneOf: [
          {
            type: 'object',
            additionalProperties: {
              not: {},
            },
            required: ['kind', 'percent'],
            properties: {
              kind: {
                type: 'string',
                enum: ['relative'],
              },
              percent: {
                type: 'number',
                minimum: 0,
                maximum: 100,
              },
            },
          },
          {
            type: 'object',
            additionalProperties: {
              not: {},
            },
            required: ['kind', 'value'],
            properties: {
              kind: {
                type: 'string',
                enum: ['absolute'],
              },
              value: {
                type: 'number',
              },
            },
          },
        ],
      },
      ImprovementKpi: {
        type: 'object',
        required: [
          'kpi',
          'category',
          'priority',
          'signature',
          'windowDays',
          'settleDays',
          'direction',
          'target',
        ],
        properties: {
          kpi: {
            $ref: '#/components/schemas/ImprovementKpiName',
          },
          category: {
            type: ['string', 'null'],
          },
          priority: {
            type: ['integer', 'null'],
          },
          signature: {
            type: ['string', 'null'],
          },
          windowDays: {
            type: 'integer',
          },
          settleDays: {
            type: 'integer',
          },
          direction: {
            type: 'string',
            enum: ['decrease', 'increase'],
          },
          target: {
            $ref: '#/components/schemas/ImprovementTarget',
          },
        },
      },
      ImprovementKpiInput: {
        type: 'object',
        additionalProperties: {
          not: {},
        },
        required: ['kpi', 'windowDays', 'target'],
        description:
          "The KPI to measure the item by, scoped to its services. A filter the KPI does not take is a 400; recurrence needs a category or a signature. `direction` defaults to the KPI's usual one, `settleDays` to 7.",
        properties: {
          kpi: {
            $ref: '#/components/schemas/ImprovementKpiName',
          },
          category: {
            type: ['string', 'null'],
            minLength: 1,
            maxLength: 100,
          },
          priority: {
            type: ['integer', 'null'],
            minimum: 1,
            maximum: 5,
          },
          signature: {
            type: ['string', 'null'],
            minLength: 1,
            maxLength: 200,
          },
          windowDays: {
            type: 'integer',
            minimum: 7,
            maximum: 365,
          },
          settleDays: {
            type: 'integer',
            minimum: 0,
            maximum: 90,
          },
          direction: {
            type: 'string',
            enum: ['decrease', 'increase'],
          },
          target: {
            $ref: '#/components/schemas/ImprovementTarget',
          },
        },
      },
      ImprovementFigure: {
        type: 'object',
        required: ['from', 'to', 'value', 'n', 'unit', 'measuredAt'],
        properties: {
          from: {
            type: 'string',
            format: 'date-time',
          },
          to: {
            type: 'string',
            format: 'date-time',
          },
          value: {
            type: ['number', 'null'],
          },
          n: {
            type: 'integer',
          },
          unit: {
            type: 'string',
            enum: ['incidents', 'breaches', 'hours', '%', 'score'],
          },
          measuredAt: {
            type: 'string',
            format: 'date-time',
          },
        },
      },
      ImprovementScore: {
        type: 'object',
        required: ['benefit', 'effort', 'urgency', 'costOfDelay', 'score'],
        properties: {
          benefit: {
            type: 'integer',
          },
          effort: {
            type: 'integer',
          },
          urgency: {
            type: 'integer',
          },
          costOfDelay: {
            type: 'integer',
          },
          score: {
            type: 'number',
          },
        },
      },
      Improvement: {
        type: 'object',
        required: [
          'id',
          'version',
          'kind',
          'type',
          'status',
          'title',
          'description',
          'source',
          'sourceId',
          'sourceKey',
          'entityRefs',
          'owner',
          'owningGroup',
          'priority',
          'targetDate',
          'overdue',
          'kpi',
          'baseline',
          'measured',
          'goal',
          'verdict',
          'evaluation',
          'createdAt',
          'createdBy',
          'updatedAt',
        ],
        properties: {
          id: {
            type: 'string',
          },
          version: {
            type: 'integer',
          },
          kind: {
            $ref: '#/components/schemas/ImprovementKind',
          },
          type: {
            $ref: '#/components/schemas/ImprovementType',
          },
          status: {
            $ref: '#/components/schemas/ImprovementStatus',
          },
          title: {
            type: 'string',
          },
          description: {
            type: 'string',
          },
          source: {
            $ref: '#/components/schemas/ImprovementSource',
          },
          sourceId: {
            type: ['string', 'null'],
          },
          sourceKey: {
            type: ['string', 'null'],
          },
          entityRefs: {
            type: 'array',
            items: {
              type: 'string',
            },
          },
          owner: {
            type: ['string', 'null'],
          },
          owningGroup: {
            type: ['string', 'null'],
          },
          priority: {
            $ref: '#/components/schemas/ImprovementScore',
          },
          targetDate: {
            type: ['string', 'null'],
            format: 'date',
          },
          overdue: {
            type: 'boolean',
          },
          nonconformity: {
            type: ['string', 'null'],
          },
          correction: {
            type: ['string', 'null'],
          },
          rootCause: {
            type: ['string', 'null'],
          },
          effectivenessReview: {
            type: ['string', 'null'],
          },
          kpi: {
            oneOf: [
              {
                $ref: '#/components/schemas/ImprovementKpi',
              },
              {
                type: 'null',
              },
            ],
          },
          baseline: {
            description:
              'Frozen at approval over [approvedAt − W, approvedAt); never recomputed.',
            oneOf: [
              {
                $ref: '#/components/schemas/ImprovementFigure',
              },
              {
                type: 'null',
              },
            ],
          },
          measured: {
            description:
              'Over [implementedAt + settle, + W), stored by the evaluation.',
            oneOf: [
              {
                $ref: '#/components/schemas/ImprovementFigure',
              },
              {
                type: 'null',
              },
            ],
          },
          goal: {
            type: ['number', 'null'],
          },
          verdict: {
            oneOf: [
              {
                $ref: '#/components/schemas/ImprovementVerdict',
              },
              {
                type: 'null',
              },
            ],
          },
          evaluation: {
            type: ['string', 'null'],
          },
          approvedBy: {
            type: ['string', 'null'],
          },
          approvedAt: {
            type: ['string', 'null'],
            format: 'date-time',
          },
          startedAt: {
            type: ['string', 'null'],
            format: 'date-time',
          },
          implementedAt: {
            type: ['string', 'null'],
            format: 'date-time',
          },
          evaluatedAt: {
            type: ['string', 'null'],
            format: 'date-time',
          },
          closedAt: {
            type: ['string', 'null'],
            format: 'date-time',
          },
          rejectedAt: {
            type: ['string', 'null'],
            format: 'date-time',
          },
          rejectionReason: {
            type: ['string', 'null'],
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
      ImprovementPage: {
        type: 'object',
        required: ['items', 'nextCursor'],
        properties: {
          items: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/Improvement',
            },
          },
          nextCursor: {
            type: ['string', 'null'],
          },
        },
      },
      ImprovementCreate: {
        type: 'object',
        additionalProperties: {
          not: {},
        },
        required: [
          'title',
          'description',
          'entityRefs',
          'benefit',
          'effort',
          'urgency',
        ],
        properties: {
          kind: {
            $ref: '#/components/schemas/ImprovementKind',
          },
          type: {
            $ref: '#/components/schemas/ImprovementType',
          },
          title: {
            type: 'string',
            minLength: 1,
            maxLength: 200,
          },
          description: {
            type: 'string',
            minLength: 1,
            maxLength: 65536,
          },
          source: {
            $ref: '#/components/schemas/ImprovementSource',
          },
          sourceId: {
            type: ['string', 'null'],
            minLength: 1,
            maxLength: 100,
          },
          entityRefs: {
            type: 'array',
            minItems: 1,
            maxItems: 20,
            items: {
              $ref: '#/components/schemas/EntityRef',
            },
          },
          owner: {
            oneOf: [
              {
                $ref: '#/components/schemas/EntityRef',
              },
              {
                type: 'null',
              },
            ],
          },
          owningGroup: {
            oneOf: [
              {
                $ref: '#/components/schemas/EntityRef',
              },
              {
                type: 'null',
              },
            ],
          },
          benefit: {
            type: 'integer',
            minimum: 1,
            maximum: 5,
          },
          effort: {
            type: 'integer',
            minimum: 1,
            maximum: 5,
          },
          urgency: {
            type: 'integer',
            minimum: 1,
            maximum: 5,
          },
          targetDate: {
            type: ['string', 'null'],
            format: 'date',
          },
          nonconformity: {
            type: ['string', 'null'],
            maxLength: 65536,
          },
          correction: {
            type: ['string', 'null'],
            maxLength: 65536,
          },
          rootCause: {
            type: ['string', 'null'],
            maxLength: 65536,
          },
          kpi: {
            oneOf: [
              {
                $ref: '#/components/schemas/ImprovementKpiInput',
              },
              {
                type: 'null',
              },
            ],
          },
        },
      },
      ImprovementPatch: {
        type: 'object',
        additionalProperties: {
          not: {},
        },
        properties: {
          kind: {
            $ref: '#/components/schemas/ImprovementKind',
          },
          type: {
            $ref: '#/components/schemas/ImprovementType',
          },
          title: {
            type: 'string',
            minLength: 1,
            maxLength: 200,
          },
          description: {
            type: 'string',
            minLength: 1,
            maxLength: 65536,
          },
          entityRefs: {
            type: 'array',
            minItems: 1,
            maxItems: 20,
            items: {
              $ref: '#/components/schemas/EntityRef',
            },
          },
          owner: {
            $ref: '#/components/schemas/EntityRef',
          },
          owningGroup: {
            oneOf: [
              {
                $ref: '#/components/schemas/EntityRef',
              },
              {
                type: 'null',
              },
            ],
          },
          benefit: {
            type: 'integer',
            minimum: 1,
            maximum: 5,
          },
          effort: {
            type: 'integer',
            minimum: 1,
            maximum: 5,
          },
          urgency: {
            type: 'integer',
            minimum: 1,
            maximum: 5,
          },
          targetDate: {
            type: ['string', 'null'],
            format: 'date',
          },
          nonconformity: {
            type: ['string', 'null'],
            maxLength: 65536,
          },
          correction: {
            type: ['string', 'null'],
            maxLength: 65536,
          },
          rootCause: {
            type: ['string', 'null'],
            maxLength: 65536,
          },
          effectivenessReview: {
            type: ['string', 'null'],
            maxLength: 65536,
          },
          kpi: {
            oneOf: [
              {
                $ref: '#/components/schemas/ImprovementKpiInput',
              },
              {
                type: 'null',
              },
            ],
          },
        },
      },
      ImprovementTransition: {
        type: 'object',
        additionalProperties: {
          not: {},
        },
        required: ['to'],
        properties: {
          to: {
            $ref: '#/components/schemas/ImprovementStatus',
          },
          comment: {
            type: 'string',
            maxLength: 65536,
          },
          reason: {
            type: 'string',
            maxLength: 65536,
            description: 'Why it is rejected (required to reject).',
          },
          implementedAt: {
            type: 'string',
            format: 'date-time',
            description:
              'When it went live, if before now (not before the approval).',
          },
          evaluation: {
            type: 'string',
            maxLength: 65536,
            description:
              "The owner's evaluation of an item without a KPI (required then).",
          },
          effectivenessReview: {
            type: 'string',
            maxLength: 65536,
            description:
              'Whether a corrective action worked (required to close one).',
          },
        },
      },
      ImprovementDraft: {
        type: 'object',
        required: [
          'kind',
          'type',
          'title',
          'description',
          'source',
          'sourceId',
          'entityRefs',
          'owner',
          'nonconformity',
          'kpi',
          'benefit',
          'effort',
          'urgency',
          'targetDate',
        ],
        properties: {
          kind: {
            $ref: '#/components/schemas/ImprovementKind',
          },
          type: {
            $ref: '#/components/schemas/ImprovementType',
          },
          title: {
            type: 'string',
          },
          description: {
            type: 'string',
          },
          source: {
            $ref: '#/components/schemas/ImprovementSource',
          },
          sourceId: {
            type: ['string', 'null'],
          },
          entityRefs: {
            type: 'array',
            items: {
              type: 'string',
            },
          },
          owner: {
            type: ['string', 'null'],
          },
          nonconformity: {
            type: ['string', 'null'],
          },
          kpi: {
            oneOf: [
              {
                $ref: '#/components/schemas/ImprovementKpi',
              },
              {
                type: 'null',
              },
            ],
          },
          benefit: {
            type: 'integer',
          },
          effort: {
            type: 'integer',
          },
          urgency: {
            type: 'integer',
          },
          targetDate: {
            type: ['string', 'null'],
            format: 'date',
          },
        },
      },
      ImprovementEvaluationRun: {
        type: 'object',
        required: ['evaluated', 'skipped', 'failed'],
        properties: {
          evaluated: {
            type: 'array',
            items: {
              type: 'string',
            },
            description: 'Items measured and moved to evaluated.',
          },
          skipped: {
            type: 'array',
            items: {
              type: 'string',
            },
            description:
              'Items written meanwhile by someone else (another replica).',
          },
          failed: {
            type: 'array',
            items: {
              type: 'string',
            },
            description:
              'Items whose measurement failed; tried again on the next run.',
          },
        },
      },
      ImprovementSuggestionRun: {
        type: 'object',
        required: ['proposed', 'considered'],
        properties: {
          proposed: {
            type: 'array',
            items: {
              type: 'string',
            },
            description: 'The items proposed by this run.',
          },
          considered: {
            type: 'integer',
            description: 'How many candidates the run looked at.',
          },
        },
      },
    },
  },
} as const;
