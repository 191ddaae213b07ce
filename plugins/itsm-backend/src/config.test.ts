import { ConfigReader } from '@backstage/config';
import {
  ALWAYS_ON,
  DEFAULT_APPROVAL_POLICY,
  DEFAULT_CMDB_KINDS,
  DEFAULT_INCIDENT_CATEGORIES,
  DEFAULT_PRIORITY_MATRIX,
} from '@backstage-itsm/plugin-itsm-common';
import { DEFAULT_INCIDENT_TARGETS, readItsmConfig } from './config';

const HOUR = 3_600_000;

const euHours = {
  timezone: 'Europe/Berlin',
  hours: { mon: [['08:00', '18:00']], fri: [['08:00', '16:00']] },
  holidays: ['2026-12-25'],
};

function read(itsm: object, extraCalendars = []) {
  return readItsmConfig(new ConfigReader({ itsm }), { extraCalendars });
}

describe('readItsmConfig', () => {
  it('defaults to the ITIL matrix, 24x7, 5 auto-close days and 50/75/100 escalation', () => {
    const config = readItsmConfig(new ConfigReader({}));
    expect([...config.calendars.keys()]).toEqual(['24x7']);
    expect(config.calendars.get('24x7')).toBe(ALWAYS_ON);
    expect(config.incidents).toEqual({
      priorityMatrix: DEFAULT_PRIORITY_MATRIX,
      defaultCalendarId: '24x7',
      targets: DEFAULT_INCIDENT_TARGETS,
      autoCloseDays: 5,
      escalationThresholds: [50, 75, 100],
      majorIncident: { priorities: [1], tiers: [1] },
      impactDepth: 3,
      supportTiers: [],
      categories: DEFAULT_INCIDENT_CATEGORIES,
    });
    expect(config.incidents.targets[1].response).toEqual({
      targetMs: 15 * 60_000,
      calendarId: '24x7',
    });
    expect(config.incidents.targets[3].resolution).toEqual({
      targetMs: 24 * HOUR,
    });
  });

  it('reads calendars, targets in every duration form, and the rest', () => {
    const config = read({
      calendars: { 'business-hours-eu': euHours },
      incidents: {
        priorityMatrix: [
          [1, 1, 2],
          [1, 2, 3],
          [2, 3, 4],
        ],
        defaultCalendar: 'business-hours-eu',
        targets: {
          p1: { response: { duration: '10m' } },
          p2: { resolution: { duration: 'PT6H', calendar: '24x7' } },
          p5: {
            resolution: {
              duration: { days: 10 },
              calendar: 'business-hours-eu',
            },
          },
        },
        autoCloseDays: 7,
        escalationThresholds: [60, 90],
      },
    });
    expect(config.calendars.get('business-hours-eu')).toEqual({
      id: 'business-hours-eu',
      ...euHours,
    });
    expect(config.incidents.defaultCalendarId).toBe('business-hours-eu');
    expect(config.incidents.priorityMatrix[0]).toEqual([1, 1, 2]);
    expect(config.incidents.targets[1]).toEqual({
      response: { targetMs: 10 * 60_000, calendarId: undefined },
      resolution: DEFAULT_INCIDENT_TARGETS[1].resolution,
    });
    expect(config.incidents.targets[2].resolution).toEqual({
      targetMs: 6 * HOUR,
      calendarId: '24x7',
    });
    expect(config.incidents.targets[5].resolution).toEqual({
      targetMs: 240 * HOUR,
      calendarId: 'business-hours-eu',
    });
    expect(config.incidents.autoCloseDays).toBe(7);
    expect(config.incidents.escalationThresholds).toEqual([60, 90]);
  });

  it('merges calendars contributed by modules', () => {
    const config = read({ calendars: { eu: euHours } }, [
      {
        id: 'apac',
        timezone: 'Asia/Tokyo',
        hours: { mon: [['09:00', '17:00']] },
      },
    ] as any);
    expect([...config.calendars.keys()]).toEqual(['24x7', 'eu', 'apac']);
  });

  it.each([
    [
      'an unknown time zone',
      { calendars: { eu: { ...euHours, timezone: 'Mars/Olympus' } } },
      /itsm\.calendars\.eu.*Mars\/Olympus/,
    ],
    [
      'a range that ends before it starts',
      {
        calendars: { eu: { ...euHours, hours: { mon: [['18:00', '08:00']] } } },
      },
      /itsm\.calendars\.eu.*hours\.mon\[0\]/,
    ],
    [
      'an unknown weekday',
      {
        calendars: {
          eu: { ...euHours, hours: { monday: [['08:00', '18:00']] } },
        },
      },
      /itsm\.calendars\.eu\.hours.*monday/,
    ],
    [
      'a bad holiday',
      { calendars: { eu: { ...euHours, holidays: ['2026-02-30'] } } },
      /itsm\.calendars\.eu.*holidays\[0\]/,
    ],
    [
      'a matrix that is not 3×3',
      { incidents: { priorityMatrix: [[1, 2, 3]] } },
      /itsm\.incidents\.priorityMatrix/,
    ],
    [
      'a priority of 6',
      {
        incidents: {
          priorityMatrix: [
            [1, 2, 3],
            [2, 3, 4],
            [3, 4, 6],
          ],
        },
      },
      /itsm\.incidents\.priorityMatrix\[2\]\[2\]/,
    ],
    [
      'an unknown default calendar',
      { incidents: { defaultCalendar: 'nope' } },
      /itsm\.incidents\.defaultCalendar.*nope/,
    ],
    [
      'a target on an unknown calendar',
      {
        incidents: {
          targets: { p2: { response: { duration: '1h', calendar: 'nope' } } },
        },
      },
      /itsm\.incidents\.targets\.p2\.response\.calendar.*nope/,
    ],
    [
      'an unparseable duration',
      { incidents: { targets: { p2: { response: { duration: 'soon' } } } } },
      /itsm\.incidents\.targets\.p2\.response\.duration/,
    ],
    [
      'a duration in months',
      {
        incidents: {
          targets: { p4: { resolution: { duration: { months: 1 } } } },
        },
      },
      /itsm\.incidents\.targets\.p4\.resolution\.duration.*months/,
    ],
    [
      'zero auto-close days',
      { incidents: { autoCloseDays: 0 } },
      /autoCloseDays/,
    ],
    [
      'thresholds out of order',
      { incidents: { escalationThresholds: [75, 50] } },
      /escalationThresholds/,
    ],
  ])('rejects %s, naming the key', (_name, itsm, message) => {
    expect(() => read(itsm)).toThrow(message);
  });

  it('rejects a calendar defined twice or a redefined 24x7', () => {
    expect(() =>
      read({ calendars: { eu: euHours } }, [{ ...euHours, id: 'eu' }] as any),
    ).toThrow(/'eu' is defined more than once/);
    expect(() => read({}, [{ ...ALWAYS_ON }] as any)).toThrow(
      /'24x7' is defined more than once/,
    );
  });
});

describe('readItsmConfig: incident categories', () => {
  it('reads the configured taxonomy and adds uncategorised', () => {
    const config = read({
      incidents: {
        categories: { availability: ['outage', 'degradation'], data: [] },
      },
    });
    expect(config.incidents.categories).toEqual({
      availability: ['outage', 'degradation'],
      data: [],
      uncategorised: [],
    });
  });

  it.each([
    [
      'a list instead of a map',
      ['availability'],
      /^Invalid configuration: itsm\.incidents\.categories: must map category ids/,
    ],
    [
      'an empty subcategory',
      { availability: ['outage', ''] },
      /itsm\.incidents\.categories\.availability\[1\]: must be a non-empty id/,
    ],
    [
      'a duplicate subcategory',
      { availability: ['outage', 'outage'] },
      /itsm\.incidents\.categories\.availability: subcategory 'outage' is listed more than once/,
    ],
    [
      'a category id with capitals',
      { Availability: ['outage'] },
      /itsm\.incidents\.categories: category: 'Availability' must be lowercase/,
    ],
    [
      'a subcategory id with a space',
      { availability: ['full outage'] },
      /availability\[0\]: 'full outage' must be lowercase/,
    ],
  ])('rejects %s, naming the key', (_name, categories, message) => {
    expect(() => read({ incidents: { categories } })).toThrow(message);
  });
});

describe('readItsmConfig: escalation tiers and webhooks', () => {
  it('disables both webhooks and has no support tiers by default', () => {
    const config = readItsmConfig(new ConfigReader({}));
    expect(config.webhooks).toEqual({});
    expect(config.incidents.supportTiers).toEqual([]);
  });

  it('reads support tiers and the webhook secrets, canonicalizing refs', () => {
    const config = read({
      incidents: { supportTiers: ['service-desk', 'Group:default/SRE'] },
      webhooks: {
        alertmanager: { token: 'a-long-enough-token' },
        pagerduty: {
          secret: 'a-long-enough-secret',
          serviceMapping: {
            'Payments API': 'component:default/payments',
            PX1ABCD: 'Cart',
          },
        },
      },
    });
    expect(config.incidents.supportTiers).toEqual([
      'group:default/service-desk',
      'group:default/sre',
    ]);
    expect(config.webhooks.alertmanager).toEqual({
      token: 'a-long-enough-token',
    });
    expect(config.webhooks.pagerduty?.secret).toBe('a-long-enough-secret');
    expect([...config.webhooks.pagerduty!.serviceMapping]).toEqual([
      ['Payments API', 'component:default/payments'],
      ['PX1ABCD', 'component:default/cart'],
    ]);
  });

  it.each([
    [
      'a short Alertmanager token',
      { webhooks: { alertmanager: { token: 'short' } } },
      /itsm\.webhooks\.alertmanager\.token.*16/,
    ],
    [
      'a short PagerDuty secret',
      { webhooks: { pagerduty: { secret: 'short' } } },
      /itsm\.webhooks\.pagerduty\.secret/,
    ],
    [
      'a malformed mapped entity ref',
      {
        webhooks: {
          pagerduty: {
            secret: 'a-long-enough-secret',
            serviceMapping: { Payments: 'component:default/' },
          },
        },
      },
      /serviceMapping\.Payments/,
    ],
    [
      'a tier listed twice',
      { incidents: { supportTiers: ['sre', 'group:default/sre'] } },
      /supportTiers/,
    ],
    [
      'an approval policy without a rule for some risk',
      {
        changes: {
          approvalPolicy: [
            {
              match: { type: 'normal' },
              approvers: [{ group: 'group:default/cab', count: 1 }],
            },
          ],
        },
      },
      /itsm\.changes\.approvalPolicy has no rule for emergency changes/,
    ],
    [
      'a malformed quorum',
      {
        changes: {
          approvalPolicy: [
            {
              match: { type: 'normal' },
              approvers: [{ group: 'group:default/cab', quorum: '150%' }],
            },
            {
              match: { type: 'emergency' },
              approvers: [{ ownerGroups: true }],
            },
          ],
        },
      },
      /approvalPolicy\[0\]\.approvers\[0\]\.quorum/,
    ],
    [
      'a freeze window ending before it starts',
      {
        changes: {
          freezeWindows: [
            {
              name: 'Year end',
              start: '2026-12-18T00:00:00Z',
              end: '2026-12-01T00:00:00Z',
            },
          ],
        },
      },
      /itsm\.changes\.freezeWindows.*freezeWindows\[0\]\.end/,
    ],
  ])('rejects %s, naming the key', (_name, itsm, message) => {
    expect(() => read(itsm)).toThrow(message);
  });

  it('reads the change approval policy and freeze windows, with the DESIGN defaults', () => {
    expect(readItsmConfig(new ConfigReader({})).changes).toEqual({
      approvalPolicy: DEFAULT_APPROVAL_POLICY,
      freezeWindows: [],
    });
    const config = read({
      changes: {
        approvalPolicy: [
          {
            match: { type: 'normal' },
            approvers: [{ group: 'group:default/CAB', quorum: 2 }],
          },
          { match: { type: 'emergency' }, approvers: [{ ownerGroups: true }] },
        ],
        freezeWindows: [
          {
            name: 'Year end',
            start: '2026-12-18T00:00:00Z',
            end: '2027-01-04T00:00:00+01:00',
            entityRefs: ['payments'],
          },
        ],
      },
    });
    expect(config.changes.approvalPolicy[0].approvers).toEqual([
      { group: 'group:default/cab', quorum: 2 },
    ]);
    expect(config.changes.freezeWindows).toEqual([
      {
        name: 'Year end',
        start: '2026-12-18T00:00:00.000Z',
        end: '2027-01-03T23:00:00.000Z',
        entityRefs: ['component:default/payments'],
      },
    ]);
  });

  it('reads the CI scope of itsm.cmdb.kinds, the four default kinds without it', () => {
    expect(read({}).cmdb.kinds).toEqual(DEFAULT_CMDB_KINDS);
    expect(
      read({
        cmdb: {
          kinds: [
            { kind: 'Component', required: ['owner', 'itsm/tier', 'owner'] },
            { kind: 'Domain' },
          ],
        },
      }).cmdb.kinds,
    ).toEqual([
      { kind: 'Component', required: ['owner', 'itsm/tier'] },
      { kind: 'Domain', required: [] },
    ]);
  });

  it.each([
    [{ kinds: [] }, /itsm.cmdb.kinds.*at least one kind/],
    [{ kinds: [{ kind: 'Component' }, { kind: 'component' }] }, /listed twice/],
    [{ kinds: [{ kind: 'not a kind' }] }, /is not a catalog kind/],
    [
      { kinds: [{ kind: 'Component', required: ['spec.owner'] }] },
      /neither owner, lifecycle, system, type, domain nor an annotation key/,
    ],
  ])('rejects itsm.cmdb %j', (cmdb, message) => {
    expect(() => read({ cmdb })).toThrow(message);
  });
});
