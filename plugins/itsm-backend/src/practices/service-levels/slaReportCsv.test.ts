import type { SlaBreach, SlaReport } from '@backstage-itsm/plugin-itsm-common';
import { csvField, slaReportCsv, slaReportFileName } from './slaReportCsv';

const HOUR = 3_600_000;

function breach(overrides: Partial<SlaBreach> = {}): SlaBreach {
  return {
    id: 'BRE-7',
    version: 2,
    recordId: 'INC-42',
    clock: 'resolution',
    priority: 1,
    entityRef: 'component:default/payments',
    slaId: 'SLA-1',
    slaRevision: 1,
    targetMs: 4 * HOUR,
    calendarId: 'business-hours-eu',
    breachedAt: '2026-03-03T09:00:00.000Z',
    detectedAt: '2026-03-03T09:01:00.000Z',
    cause: null,
    action: null,
    improvementId: null,
    waiver: null,
    createdAt: '2026-03-03T09:01:00.000Z',
    updatedAt: '2026-03-03T09:01:00.000Z',
    ...overrides,
  };
}

function report(overrides: Partial<SlaReport> = {}): SlaReport {
  return {
    entityRef: 'component:default/payments',
    from: '2026-02-28T23:00:00.000Z',
    to: '2026-03-31T22:00:00.000Z',
    generatedAt: '2026-04-01T08:00:00.000Z',
    sla: {
      id: 'SLA-1',
      revision: 2,
      title: 'Payments SLA',
      calendarId: 'business-hours-eu',
      customerGroups: ['group:default/shop'],
    },
    targets: [
      {
        target: 'p1.resolution',
        priority: 1,
        clock: 'resolution',
        targetMs: 4 * HOUR,
        met: 1,
        breached: 1,
        waived: 0,
        percent: 50,
        fromDefaults: 0,
      },
      {
        target: 'p3.resolution',
        priority: 3,
        clock: 'resolution',
        targetMs: null,
        met: 2,
        breached: 0,
        waived: 1,
        percent: 100,
        fromDefaults: 2,
      },
    ],
    overall: {
      target: 'overall',
      met: 3,
      breached: 1,
      waived: 1,
      percent: 75,
    },
    breaches: {
      total: 2,
      waived: 1,
      items: [
        breach({
          id: 'BRE-8',
          recordId: 'INC-43',
          priority: 3,
          targetMs: 8 * HOUR,
          breachedAt: '2026-03-11T12:00:00.000Z',
          cause: 'Card network down, "ACME" says',
          action: 'Escalated to the supplier\nand waited',
          improvementId: 'IMP-3',
          waiver: {
            reason: 'Agreed exception, see contract',
            approver: 'user:default/alice',
            at: '2026-03-12T08:00:00.000Z',
          },
        }),
        breach(),
      ],
    },
    availability: {
      targetPercent: 99.5,
      percent: (100 * 219) / 220,
      serviceMs: 220 * HOUR,
      outageMs: HOUR,
      met: true,
    },
    changeSuccess: {
      targetPercent: 90,
      closed: 3,
      successful: 2,
      percent: (100 * 2) / 3,
      met: false,
    },
    csat: {
      targetPercent: 90,
      responses: 7,
      percent: (100 * 5) / 6,
      met: false,
      n: 6,
      tooFew: false,
      meanRating: 23 / 6,
      nps: null,
    },
    workload: [
      { metric: 'incidentsPerMonth', actual: 6, limit: 5, exceeded: true },
      {
        metric: 'majorIncidentsPerMonth',
        actual: 1,
        limit: null,
        exceeded: false,
      },
    ],
    trend: [
      {
        label: '2026-02',
        from: '2026-01-31T23:00:00.000Z',
        to: '2026-02-28T23:00:00.000Z',
        met: 0,
        breached: 0,
        attainmentPercent: null,
        availabilityPercent: 100,
      },
      {
        label: '2026-03',
        from: '2026-02-28T23:00:00.000Z',
        to: '2026-03-31T22:00:00.000Z',
        met: 3,
        breached: 1,
        attainmentPercent: 75,
        availabilityPercent: (100 * 219) / 220,
      },
    ],
    ...overrides,
  };
}

/** A strict RFC 4180 reader: records of fields, CRLF record ends, quoted fields. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let i = 0;
  while (i < text.length) {
    if (text[i] === '"' && field === '') {
      // A quoted field runs to the quote not followed by another quote.
      i++;
      for (;;) {
        if (i >= text.length) {
          throw new Error('unterminated quoted field');
        }
        if (text[i] === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        field += text[i++];
      }
      if (i < text.length && text[i] !== ',' && text[i] !== '\r') {
        throw new Error(`text after a closing quote at ${i}`);
      }
    } else if (text[i] === ',') {
      record.push(field);
      field = '';
      i++;
    } else if (text[i] === '\r') {
      if (text[i + 1] !== '\n') {
        throw new Error(`bare CR at ${i}`);
      }
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i += 2;
    } else if (text[i] === '\n' || text[i] === '"') {
      throw new Error(`bare ${JSON.stringify(text[i])} at ${i}`);
    } else {
      field += text[i++];
    }
  }
  if (field !== '' || record.length > 0) {
    throw new Error('the last record does not end with CRLF');
  }
  return records;
}

describe('csvField', () => {
  it.each([
    ['plain text as it is', 'Payments SLA', 'Payments SLA'],
    ['spaces without quotes', '  padded  ', '  padded  '],
    ['a comma quoted', 'slow, then down', '"slow, then down"'],
    ['quotes doubled and quoted', 'the "max" pool', '"the ""max"" pool"'],
    ['a lone quote', '"', '""""'],
    ['a line feed quoted', 'first\nsecond', '"first\nsecond"'],
    ['a CRLF quoted', 'first\r\nsecond', '"first\r\nsecond"'],
    ['a carriage return quoted', 'first\rsecond', '"first\rsecond"'],
    ['all of them at once', 'a, "b"\nc', '"a, ""b""\nc"'],
    ['the empty string empty', '', ''],
  ])('writes %s', (_name, value, expected) => {
    expect(csvField(value)).toBe(expected);
    expect(parseCsv(`${csvField(value)}\r\n`)).toEqual([[value]]);
  });

  it.each([
    [
      '=HYPERLINK("http://evil.example")',
      `"'=HYPERLINK(""http://evil.example"")"`,
    ],
    ['+1 for the runbook', "'+1 for the runbook"],
    ['-rollback', "'-rollback"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tindented', "'\tindented"],
  ])(
    'defuses text a spreadsheet would run as a formula: %j',
    (value, expected) => {
      expect(csvField(value)).toBe(expected);
    },
  );

  it('leaves negative numbers alone', () => {
    expect(csvField(-1)).toBe('-1');
  });

  it('writes null and undefined as empty fields', () => {
    expect(csvField(null)).toBe('');
    expect(csvField(undefined)).toBe('');
  });

  it('writes counts as they are and fractions with at most four decimals', () => {
    expect(csvField(0)).toBe('0');
    expect(csvField(14_400_000)).toBe('14400000');
    expect(csvField(75)).toBe('75');
    expect(csvField(99.5)).toBe('99.5');
    expect(csvField((100 * 2) / 3)).toBe('66.6667');
    expect(csvField((100 * 219) / 220)).toBe('99.5455');
    expect(csvField(99.99999)).toBe('100');
  });

  it('writes booleans as true and false', () => {
    expect(csvField(true)).toBe('true');
    expect(csvField(false)).toBe('false');
  });
});

describe('slaReportCsv', () => {
  it('writes the blocks in order: a title row, a header row and the rows, an empty line between blocks', () => {
    const csv = slaReportCsv(report());
    expect(csv).toBe(
      [
        'SLA report',
        'entityRef,from,to,sla,revision,generatedAt',
        'component:default/payments,2026-02-28T23:00:00.000Z,2026-03-31T22:00:00.000Z,SLA-1,2,2026-04-01T08:00:00.000Z',
        '',
        'Targets',
        'target,priority,clock,targetMs,met,breached,waived,attainmentPercent,fromDefaults',
        'p1.resolution,1,resolution,14400000,1,1,0,50,0',
        'p3.resolution,3,resolution,,2,0,1,100,2',
        'overall,,,,3,1,1,75,',
        '',
        'Availability',
        'targetPercent,percent,serviceMs,outageMs,met',
        '99.5,99.5455,792000000,3600000,true',
        '',
        'Change success',
        'targetPercent,closed,successful,percent,met',
        '90,3,2,66.6667,false',
        '',
        'CSAT',
        'targetPercent,responses,percent,met,n,tooFew,meanRating,nps',
        '90,7,83.3333,false,6,false,3.8333,',
        '',
        'Workload',
        'metric,actual,limit,exceeded',
        'incidentsPerMonth,6,5,true',
        'majorIncidentsPerMonth,1,,false',
        '',
        'Trend',
        'period,from,to,met,breached,attainmentPercent,availabilityPercent',
        '2026-02,2026-01-31T23:00:00.000Z,2026-02-28T23:00:00.000Z,0,0,,100',
        '2026-03,2026-02-28T23:00:00.000Z,2026-03-31T22:00:00.000Z,3,1,75,99.5455',
        '',
        'Breaches',
        'id,recordId,clock,priority,breachedAt,targetMs,cause,action,improvementId,waived,waiverReason,waiverApprover',
        'BRE-8,INC-43,resolution,3,2026-03-11T12:00:00.000Z,28800000,"Card network down, ""ACME"" says","Escalated to the supplier\nand waited",IMP-3,true,"Agreed exception, see contract",user:default/alice',
        'BRE-7,INC-42,resolution,1,2026-03-03T09:00:00.000Z,14400000,,,,false,,',
        '',
      ].join('\r\n'),
    );
  });

  it('reads back with an RFC 4180 reader, free text intact', () => {
    const records = parseCsv(slaReportCsv(report()));
    const blocks: string[][][] = [[]];
    for (const record of records) {
      if (record.length === 1 && record[0] === '') {
        blocks.push([]);
      } else {
        blocks[blocks.length - 1].push(record);
      }
    }
    expect(blocks.map(b => b[0][0])).toEqual([
      'SLA report',
      'Targets',
      'Availability',
      'Change success',
      'CSAT',
      'Workload',
      'Trend',
      'Breaches',
    ]);
    // Every row of a block has as many fields as its header row.
    for (const [, header, ...rows] of blocks) {
      for (const row of rows) {
        expect(row).toHaveLength(header.length);
      }
    }
    const breaches = blocks[7];
    const column = (name: string) => breaches[1].indexOf(name);
    expect(breaches[2][column('cause')]).toBe('Card network down, "ACME" says');
    expect(breaches[2][column('action')]).toBe(
      'Escalated to the supplier\nand waited',
    );
    expect(breaches[2][column('waiverReason')]).toBe(
      'Agreed exception, see contract',
    );
    expect(breaches).toHaveLength(4);
  });

  it('leaves the SLA cells empty without an SLA and keeps empty blocks with their header', () => {
    const csv = slaReportCsv(
      report({
        sla: null,
        targets: [],
        overall: {
          target: 'overall',
          met: 0,
          breached: 0,
          waived: 0,
          percent: null,
        },
        breaches: { total: 0, waived: 0, items: [] },
        trend: [],
      }),
    );
    const lines = csv.split('\r\n');
    expect(lines.slice(0, 3)).toEqual([
      'SLA report',
      'entityRef,from,to,sla,revision,generatedAt',
      'component:default/payments,2026-02-28T23:00:00.000Z,2026-03-31T22:00:00.000Z,,,2026-04-01T08:00:00.000Z',
    ]);
    expect(lines).toContain('overall,,,,0,0,0,,');
    expect(lines.slice(-5)).toEqual([
      'period,from,to,met,breached,attainmentPercent,availabilityPercent',
      '',
      'Breaches',
      'id,recordId,clock,priority,breachedAt,targetMs,cause,action,improvementId,waived,waiverReason,waiverApprover',
      '',
    ]);
    expect(csv.endsWith('\r\n')).toBe(true);
  });

  it('quotes an entity ref that needs it', () => {
    const csv = slaReportCsv(
      report({ entityRef: 'component:default/a,b', sla: null }),
    );
    expect(parseCsv(csv)[2][0]).toBe('component:default/a,b');
  });
});

describe('slaReportFileName', () => {
  it('names the file after the service and the period', () => {
    expect(slaReportFileName(report())).toBe(
      'sla-component-default-payments-2026-02-28-2026-03-31.csv',
    );
  });

  it('keeps only letters, digits and dashes of the entity ref', () => {
    expect(
      slaReportFileName(report({ entityRef: 'component:team-x/"odd" name' })),
    ).toBe('sla-component-team-x-odd-name-2026-02-28-2026-03-31.csv');
  });
});
