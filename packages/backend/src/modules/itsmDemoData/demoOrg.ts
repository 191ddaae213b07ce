// The Acme Payments demo catalog (examples/) as the demo incidents need it: which team runs
// which service, who is in the team, and what tends to go wrong there.

export interface DemoService {
  ref: string;
  team: string;
  tier: 1 | 2 | 3 | 4;
  troubles: string[];
}

export const TEAMS: Record<string, string[]> = {
  'platform-team': ['lars.becker', 'priya.sharma', 'guest'],
  'payments-team': ['sofia.rossi', 'daniel.kim', 'mehmet.yilmaz'],
  'checkout-team': ['emma.schulz', 'lucas.martin', 'chloe.dubois'],
  'risk-team': ['noah.fischer', 'aisha.bello'],
  'data-team': ['hannah.mueller', 'raj.patel'],
  'sre-team': ['jonas.weber', 'maria.garcia', 'tom.oconnor'],
};

/** The merchant success manager: a member of the merchants group, the payment SLAs' customer. */
export const MERCHANT_CUSTOMER = 'olivia.bennett';

const web = [
  'Pages load slowly for EU customers',
  'Login button does nothing on Safari',
  'Static assets served with wrong cache headers',
  '5xx spike after the morning deploy',
];
const api = [
  'Elevated p99 latency',
  'Intermittent 502 from upstream',
  'Requests time out under load',
  'Memory leak, pods restarted by OOM killer',
  'TLS certificate expires in 5 days',
  'Error rate above 2% for 10 minutes',
];
const data = [
  'Nightly job did not finish',
  'Replication lag above 5 minutes',
  'Disk usage at 90%',
  'Slow queries block the connection pool',
];
const internal = [
  'Dashboard shows stale numbers',
  'Export to CSV fails for large months',
  'Search returns no results',
];

export const SERVICES: DemoService[] = [
  {
    ref: 'component:default/acme-web',
    team: 'checkout-team',
    tier: 1,
    troubles: web,
  },
  {
    ref: 'component:default/merchant-dashboard',
    team: 'checkout-team',
    tier: 2,
    troubles: web,
  },
  {
    ref: 'component:default/checkout-service',
    team: 'checkout-team',
    tier: 1,
    troubles: api,
  },
  {
    ref: 'component:default/api-gateway',
    team: 'platform-team',
    tier: 1,
    troubles: api,
  },
  {
    ref: 'component:default/identity-service',
    team: 'platform-team',
    tier: 1,
    troubles: api,
  },
  {
    ref: 'component:default/notification-service',
    team: 'platform-team',
    tier: 2,
    troubles: api,
  },
  {
    ref: 'component:default/payments-service',
    team: 'payments-team',
    tier: 1,
    troubles: api,
  },
  {
    ref: 'component:default/payouts-service',
    team: 'payments-team',
    tier: 2,
    troubles: api,
  },
  {
    ref: 'component:default/risk-case-manager',
    team: 'risk-team',
    tier: 3,
    troubles: internal,
  },
  {
    ref: 'component:default/reporting-service',
    team: 'data-team',
    tier: 3,
    troubles: data,
  },
  {
    ref: 'component:default/reconciliation-service',
    team: 'data-team',
    tier: 2,
    troubles: data,
  },
  {
    ref: 'component:default/ops-portal',
    team: 'sre-team',
    tier: 4,
    troubles: internal,
  },
  {
    ref: 'component:default/status-page',
    team: 'sre-team',
    tier: 2,
    troubles: web,
  },
  {
    ref: 'resource:default/payout-jobs-queue',
    team: 'payments-team',
    tier: 2,
    troubles: data,
  },
  {
    ref: 'resource:default/session-cache',
    team: 'platform-team',
    tier: 2,
    troubles: data,
  },
  {
    ref: 'resource:default/data-warehouse',
    team: 'data-team',
    tier: 3,
    troubles: data,
  },
];

export const user = (name: string) => `user:default/${name}`;

/** The category and subcategory (default taxonomy) of each demo incident, by its title. */
const DEMO_INCIDENT_CATEGORIES: Record<string, [string, string]> = {
  'Pages load slowly for EU customers': ['performance', 'latency'],
  'Login button does nothing on Safari': ['functional', 'defect'],
  'Static assets served with wrong cache headers': [
    'functional',
    'configuration',
  ],
  '5xx spike after the morning deploy': ['functional', 'regression'],
  'Elevated p99 latency': ['performance', 'latency'],
  'Intermittent 502 from upstream': ['availability', 'degradation'],
  'Requests time out under load': ['performance', 'throughput'],
  'Memory leak, pods restarted by OOM killer': [
    'performance',
    'resource-exhaustion',
  ],
  'TLS certificate expires in 5 days': ['security', 'certificate'],
  'Error rate above 2% for 10 minutes': ['availability', 'degradation'],
  'Nightly job did not finish': ['data', 'integrity'],
  'Replication lag above 5 minutes': ['performance', 'latency'],
  'Disk usage at 90%': ['capacity', 'storage'],
  'Slow queries block the connection pool': [
    'performance',
    'resource-exhaustion',
  ],
  'Dashboard shows stale numbers': ['data', 'integrity'],
  'Export to CSV fails for large months': ['functional', 'defect'],
  'Search returns no results': ['functional', 'defect'],
  'Card payments declined for all EU merchants': ['availability', 'outage'],
  'Monthly revenue report shows duplicates': ['data', 'corruption'],
  'Payout history page times out': ['performance', 'latency'],
  'On-call calendar does not load': ['availability', 'outage'],
  'Bank statement import rejects new file format': ['functional', 'defect'],
  'SMS delivery delayed for UK numbers': ['availability', 'degradation'],
  'Incident banner shows outdated text': ['functional', 'defect'],
  'Payment confirmations delayed during the payments-db upgrade': [
    'performance',
    'latency',
  ],
};

/** `{ category, subcategory }` of a demo incident; unknown titles are uncategorised. */
export function demoCategoryOf(title: string): {
  category: string;
  subcategory?: string;
} {
  const known = DEMO_INCIDENT_CATEGORIES[title];
  return known
    ? { category: known[0], subcategory: known[1] }
    : { category: 'uncategorised' };
}
