import type {
  BreachPatchRequest,
  CalendarPatchRequest,
  CalendarRecord,
  ServiceLevelAgreement,
  SlaBreach,
  SlaPatchRequest,
  SupportingAgreement,
  SupportingAgreementPatchRequest,
} from '@backstage-itsm/plugin-itsm-common';
import { defineRecordKind, type HistoryLabels } from '../../../records';

/** The words of the history of SLAs, OLAs/UCs and breaches. */
export const serviceLevelHistoryLabels: HistoryLabels = {
  actions: {
    revised: 'New terms agreed',
    waived: 'Waived',
  },
  fields: {
    entityRef: 'service',
    customerGroups: 'customer groups',
    calendarId: 'calendar',
    workloadLimits: 'workload limits',
    reviewCadence: 'review cadence',
    effectiveFrom: 'in force from',
    effectiveTo: 'in force until',
    lastReviewedAt: 'last reviewed',
    nextReviewAt: 'next review',
    internalGroup: 'internal group',
    contractRef: 'contract reference',
    slaIds: 'SLAs',
    recordId: 'record',
    slaId: 'SLA',
    slaRevision: 'SLA revision',
    improvementId: 'improvement',
  },
  instantFields: [
    'effectiveFrom',
    'effectiveTo',
    'lastReviewedAt',
    'nextReviewAt',
    'breachedAt',
    'detectedAt',
  ],
  codeFields: ['reviewCadence', 'kind', 'clock'],
  formatValue(field, value) {
    if (field === 'waiver' && value && typeof value === 'object') {
      const waiver = value as { reason?: unknown; approver?: unknown };
      return typeof waiver.reason === 'string'
        ? `${waiver.reason} (approved by ${String(waiver.approver)})`
        : undefined;
    }
    return undefined;
  },
};

/** Service level agreements. */
export const slaKind = defineRecordKind<ServiceLevelAgreement, SlaPatchRequest>(
  {
    collection: 'slas',
    noun: 'SLA',
    idPrefixes: ['SLA'],
    historyLabels: serviceLevelHistoryLabels,
    methods: {
      get: (api, id) => api.getSla({ id }),
      history: (api, options) => api.getSlaHistory(options),
      patch: (api, options) => api.patchSla(options),
    },
  },
);

/** OLAs and underpinning contracts. */
export const supportingAgreementKind = defineRecordKind<
  SupportingAgreement,
  SupportingAgreementPatchRequest
>({
  collection: 'supporting-agreements',
  noun: 'supporting agreement',
  idPrefixes: ['OLA', 'UC'],
  historyLabels: serviceLevelHistoryLabels,
  methods: {
    get: (api, id) => api.getSupportingAgreement({ id }),
    patch: (api, options) => api.patchSupportingAgreement(options),
  },
});

/** The breach register. */
export const breachKind = defineRecordKind<SlaBreach, BreachPatchRequest>({
  collection: 'breaches',
  noun: 'breach',
  idPrefixes: ['BRE'],
  historyLabels: serviceLevelHistoryLabels,
  methods: {
    get: (api, id) => api.getBreach({ id }),
    patch: (api, options) => api.patchBreach(options),
  },
});

/** Service-hours calendars (audited, no per-record history). */
export const calendarKind = defineRecordKind<
  CalendarRecord,
  CalendarPatchRequest
>({
  collection: 'calendars',
  noun: 'calendar',
  idPrefixes: [],
  historyLabels: {},
  methods: {
    get: (api, id) => api.getCalendar({ id }),
    patch: (api, options) => api.patchCalendar(options),
  },
});
