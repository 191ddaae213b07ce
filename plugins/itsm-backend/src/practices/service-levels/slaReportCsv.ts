import type { SlaReport } from '@backstage-itsm/plugin-itsm-common';

type Cell = string | number | boolean | null | undefined;

/**
 * One CSV field, quoted per RFC 4180 when it holds a comma, quote or line break. Text that a
 * spreadsheet would run as a formula (starting with =, +, -, @, tab or carriage return; the
 * breach cause and action are free text) gets a leading apostrophe; numbers never do.
 */
export function csvField(value: Cell): string {
  if (value === null || value === undefined) {
    return '';
  }
  let text = typeof value === 'number' ? formatNumber(value) : String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) {
    text = `'${text}`;
  }
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Percentages with at most 4 decimals; counts as they are. */
function formatNumber(value: number): string {
  return Number.isInteger(value) ? String(value) : String(+value.toFixed(4));
}

/**
 * The report as CSV (RFC 4180, CRLF line ends): a heading row per block (targets,
 * availability, change success, CSAT, workload, trend, breaches), its header row and
 * its rows, blocks separated by an empty line.
 */
export function slaReportCsv(report: SlaReport): string {
  const sections: Cell[][][] = [
    [
      ['SLA report'],
      ['entityRef', 'from', 'to', 'sla', 'revision', 'generatedAt'],
      [
        report.entityRef,
        report.from,
        report.to,
        report.sla?.id,
        report.sla?.revision,
        report.generatedAt,
      ],
    ],
    [
      ['Targets'],
      [
        'target',
        'priority',
        'clock',
        'targetMs',
        'met',
        'breached',
        'waived',
        'attainmentPercent',
        'fromDefaults',
      ],
      ...report.targets.map((t): Cell[] => [
        t.target,
        t.priority,
        t.clock,
        t.targetMs,
        t.met,
        t.breached,
        t.waived,
        t.percent,
        t.fromDefaults,
      ]),
      [
        report.overall.target,
        null,
        null,
        null,
        report.overall.met,
        report.overall.breached,
        report.overall.waived,
        report.overall.percent,
        null,
      ],
    ],
    [
      ['Availability'],
      ['targetPercent', 'percent', 'serviceMs', 'outageMs', 'met'],
      [
        report.availability.targetPercent,
        report.availability.percent,
        report.availability.serviceMs,
        report.availability.outageMs,
        report.availability.met,
      ],
    ],
    [
      ['Change success'],
      ['targetPercent', 'closed', 'successful', 'percent', 'met'],
      [
        report.changeSuccess.targetPercent,
        report.changeSuccess.closed,
        report.changeSuccess.successful,
        report.changeSuccess.percent,
        report.changeSuccess.met,
      ],
    ],
    [
      ['CSAT'],
      [
        'targetPercent',
        'responses',
        'percent',
        'met',
        'n',
        'tooFew',
        'meanRating',
        'nps',
      ],
      [
        report.csat.targetPercent,
        report.csat.responses,
        report.csat.percent,
        report.csat.met,
        report.csat.n,
        report.csat.tooFew,
        report.csat.meanRating,
        report.csat.nps,
      ],
    ],
    [
      ['Workload'],
      ['metric', 'actual', 'limit', 'exceeded'],
      ...report.workload.map(w => [w.metric, w.actual, w.limit, w.exceeded]),
    ],
    [
      ['Trend'],
      [
        'period',
        'from',
        'to',
        'met',
        'breached',
        'attainmentPercent',
        'availabilityPercent',
      ],
      ...report.trend.map(p => [
        p.label,
        p.from,
        p.to,
        p.met,
        p.breached,
        p.attainmentPercent,
        p.availabilityPercent,
      ]),
    ],
    [
      ['Breaches'],
      [
        'id',
        'recordId',
        'clock',
        'priority',
        'breachedAt',
        'targetMs',
        'cause',
        'action',
        'improvementId',
        'waived',
        'waiverReason',
        'waiverApprover',
      ],
      ...report.breaches.items.map(b => [
        b.id,
        b.recordId,
        b.clock,
        b.priority,
        b.breachedAt,
        b.targetMs,
        b.cause,
        b.action,
        b.improvementId,
        b.waiver !== null,
        b.waiver?.reason,
        b.waiver?.approver,
      ]),
    ],
  ];
  return `${sections
    .map(rows => rows.map(row => row.map(csvField).join(',')).join('\r\n'))
    .join('\r\n\r\n')}\r\n`;
}

/** A file name for the report's download, e.g. `sla-component-default-payments-2026-03.csv`. */
export function slaReportFileName(report: SlaReport): string {
  const ref = report.entityRef.replace(/[^a-z0-9]+/gi, '-');
  return `sla-${ref}-${report.from.slice(0, 10)}-${report.to.slice(0, 10)}.csv`;
}
