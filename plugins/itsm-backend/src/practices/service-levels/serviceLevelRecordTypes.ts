import { KnexRecordTable } from '../../records/recordTable';
import { defineRecordType } from '../../records/recordType';

/** Service level agreements: `SLA-<seq>` in `itsm_slas`. */
export const slaRecordType = defineRecordType({
  recordType: 'sla',
  prefix: 'SLA',
  table: 'itsm_slas',
  collection: 'slas',
  noun: 'SLA',
});

/**
 * OLAs and underpinning contracts: `OLA-<seq>` or `UC-<seq>` by kind, in one table and one
 * sequence.
 */
export const supportingAgreementRecordType = defineRecordType({
  recordType: 'supporting_agreement',
  prefix: 'OLA',
  table: 'itsm_supporting_agreements',
  collection: 'supporting-agreements',
  noun: 'supporting agreement',
});

/** The breach register: `BRE-<seq>` in `itsm_sla_breaches`. */
export const breachRecordType = defineRecordType({
  recordType: 'breach',
  prefix: 'BRE',
  table: 'itsm_sla_breaches',
  collection: 'breaches',
  noun: 'breach',
});

/**
 * Calendars managed through the API, keyed by their string id; their history is filed
 * under their `history_seq`.
 */
export const calendarRecordType = defineRecordType({
  recordType: 'calendar',
  // Calendars have no prefixed wire id; the prefix is never formatted.
  prefix: 'SLA',
  table: 'itsm_calendars',
  keyColumn: 'id',
  collection: 'calendars',
  noun: 'calendar',
});

export const slaTable = new KnexRecordTable(slaRecordType);
export const supportingAgreementTable = new KnexRecordTable(
  supportingAgreementRecordType,
);
export const breachTable = new KnexRecordTable(breachRecordType);
export const calendarTable = new KnexRecordTable(calendarRecordType);
