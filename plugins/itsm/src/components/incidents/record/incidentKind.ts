import {
  IMPACT_LABELS,
  INCIDENT_STATUSES,
  PRIORITY_LABELS,
  URGENCY_LABELS,
  type Incident,
  type IncidentPatchRequest,
  type IncidentStatus,
  type IncidentTransitionRequest,
  type Level,
  type Priority,
} from '@backstage-itsm/plugin-itsm-common';
import { defineRecordKind, type HistoryLabels } from '../../../records';
import { incidentChannel } from '../../../signals';
import { formatIncidentStatus } from '../../shared/format';

/** The words of an incident's history. */
export const incidentHistoryLabels: HistoryLabels = {
  actions: {
    work_note: 'Work note',
    status_update: 'Status update',
    escalated: 'Escalated',
    auto_close: 'Closed automatically',
  },
  fields: {
    entityRef: 'service',
    affectedEntityRefs: 'affected entities',
    assignmentGroup: 'assignment group',
    onHoldReason: 'on-hold reason',
    resolutionCode: 'resolution code',
    resolutionNotes: 'resolution notes',
    incidentManager: 'incident manager',
    outageStart: 'outage start',
    outageEnd: 'outage end',
    postIncidentReview: 'post-incident review',
    impactedServices: 'impacted services',
    parentId: 'parent',
    problemId: 'problem',
    causedByChangeId: 'caused by change',
    externalId: 'external id',
  },
  instantFields: ['outageStart', 'outageEnd'],
  codeFields: ['onHoldReason', 'resolutionCode'],
  tones: { status_update: 'secondary', work_note: 'grey' },
  formatValue(field, value) {
    if (field === 'status' && typeof value === 'string') {
      return INCIDENT_STATUSES.includes(value as IncidentStatus)
        ? formatIncidentStatus(value as IncidentStatus)
        : undefined;
    }
    if (field === 'priority' && typeof value === 'number') {
      return PRIORITY_LABELS[value as Priority] ?? String(value);
    }
    if (
      (field === 'impact' || field === 'urgency') &&
      typeof value === 'number'
    ) {
      // `High — many users …` → `High`
      const labels = field === 'impact' ? IMPACT_LABELS : URGENCY_LABELS;
      return labels[value as Level]?.split(' — ')[0] ?? String(value);
    }
    return undefined;
  },
};

/** Incidents, as the record kit reads and writes them. */
export const incidentKind = defineRecordKind<
  Incident,
  IncidentPatchRequest,
  IncidentTransitionRequest
>({
  collection: 'incidents',
  noun: 'incident',
  idPrefixes: ['INC'],
  channel: incidentChannel,
  historyLabels: incidentHistoryLabels,
  methods: {
    get: (api, id) => api.getIncident({ id }),
    history: (api, options) => api.getIncidentHistory(options),
    patch: (api, options) => api.patchIncident(options),
    transition: (api, options) => api.transitionIncident(options),
  },
});
