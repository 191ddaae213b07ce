import type { Improvement } from '@backstage-itsm/plugin-itsm-common';
import { csvField } from '../service-levels/slaReportCsv';

type Cell = string | number | boolean | null | undefined;

/** The columns of the register's CSV export, in order, with how each is read from an item. */
const COLUMNS: Array<[string, (item: Improvement) => Cell]> = [
  ['id', i => i.id],
  ['status', i => i.status],
  ['kind', i => i.kind],
  ['type', i => i.type],
  ['title', i => i.title],
  ['source', i => i.source],
  ['sourceId', i => i.sourceId],
  ['entityRefs', i => i.entityRefs.join(' ')],
  ['owner', i => i.owner],
  ['owningGroup', i => i.owningGroup],
  ['benefit', i => i.priority.benefit],
  ['effort', i => i.priority.effort],
  ['urgency', i => i.priority.urgency],
  ['costOfDelay', i => i.priority.costOfDelay],
  ['score', i => i.priority.score],
  ['targetDate', i => i.targetDate],
  ['overdue', i => i.overdue],
  ['kpi', i => i.kpi?.kpi],
  ['kpiCategory', i => i.kpi?.category],
  ['kpiPriority', i => i.kpi?.priority],
  ['kpiSignature', i => i.kpi?.signature],
  ['windowDays', i => i.kpi?.windowDays],
  ['settleDays', i => i.kpi?.settleDays],
  ['direction', i => i.kpi?.direction],
  ['targetKind', i => i.kpi?.target.kind],
  [
    'targetValue',
    i =>
      i.kpi &&
      (i.kpi.target.kind === 'relative'
        ? i.kpi.target.percent
        : i.kpi.target.value),
  ],
  ['unit', i => i.baseline?.unit ?? i.measured?.unit],
  ['baselineFrom', i => i.baseline?.from],
  ['baselineTo', i => i.baseline?.to],
  ['baselineValue', i => i.baseline?.value],
  ['baselineN', i => i.baseline?.n],
  ['measuredFrom', i => i.measured?.from],
  ['measuredTo', i => i.measured?.to],
  ['measuredValue', i => i.measured?.value],
  ['measuredN', i => i.measured?.n],
  ['goal', i => i.goal],
  ['verdict', i => i.verdict],
  ['evaluation', i => i.evaluation],
  ['approvedBy', i => i.approvedBy],
  ['approvedAt', i => i.approvedAt],
  ['implementedAt', i => i.implementedAt],
  ['evaluatedAt', i => i.evaluatedAt],
  ['closedAt', i => i.closedAt],
  ['rejectionReason', i => i.rejectionReason],
  ['createdAt', i => i.createdAt],
  ['createdBy', i => i.createdBy],
];

/** The header line of the export (RFC 4180, CRLF). */
export function improvementCsvHeader(): string {
  return `${COLUMNS.map(([name]) => name).join(',')}\r\n`;
}

/**
 * One item as a line of the export: its priority inputs and score, its KPI, the baseline and
 * measured figures (from, to, value, n), goal and verdict. Text cells a spreadsheet would run
 * as a formula are defused as in the SLA report.
 */
export function improvementCsvRow(item: Improvement): string {
  return `${COLUMNS.map(([, read]) => csvField(read(item))).join(',')}\r\n`;
}

/** The export's file name, with the day it was made. */
export function improvementCsvFileName(at: Date): string {
  return `improvements-${at.toISOString().slice(0, 10)}.csv`;
}
