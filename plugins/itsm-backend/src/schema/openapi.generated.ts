// GENERATED FILE: do not edit. Edit openapi.yaml, then run `yarn generate`
// (scripts/generate-openapi-spec.js) in plugins/itsm-backend.

export const spec = {
  openapi: '3.1.0',
  info: {
    title: 'itsm',
    version: '1',
    description:
      'ITSM for Backstage: incidents, SLA clocks and service health on top of the software catalog. Mounted at /api/itsm.',
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
    },
  },
} as const;
