import fc from 'fast-check';
import { RECORD_ID_PREFIXES } from '@backstage-itsm/plugin-itsm-common';
import { spec } from '../schema/openapi.generated';

/** One request the fuzzer sends. */
export interface HostileRequest {
  method: 'get' | 'post' | 'patch' | 'put' | 'delete';
  path: string;
  query: Record<string, string | string[]>;
  headers: Record<string, string>;
  /** A JSON value, or a raw string sent as it is. */
  body?: unknown;
  rawBody?: string;
}

/** Every operation of the API as `[method, path template]`. */
export const OPERATIONS: ReadonlyArray<[HostileRequest['method'], string]> =
  Object.entries(spec.paths).flatMap(([path, operations]) =>
    Object.keys(operations as object)
      .filter(method => method !== 'parameters')
      .map(
        method =>
          [method as HostileRequest['method'], path] as [
            HostileRequest['method'],
            string,
          ],
      ),
  );

const MARKUP = [
  '<img src=x onerror=alert(1)>',
  '<script>alert(document.cookie)</script>',
  '[click](javascript:alert(1))',
  '"><svg onload=alert(1)>',
  "'; DROP TABLE itsm_incidents; --",
  "' OR '1'='1",
  '${7*7}{{7*7}}',
  '../../../../etc/passwd',
  '%00%0d%0a',
  '\u0000',
  '\u202e\u200b\ufeff',
  '𝕴𝖓𝖈𝖎𝖉𝖊𝖓𝖙 💥',
  'Ω≈ç√∫˜µ≤≥÷',
  '__proto__',
  'constructor',
];

/** Strings an attacker or a broken client sends: markup, injection, unicode, huge, empty. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...MARKUP),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.constantFrom('', ' ', '\n\t'),
  fc
    .tuple(
      fc.constantFrom('A', '€', '𝕏', '<b>'),
      fc.integer({ min: 1, max: 3 }),
    )
    .map(([unit, power]) => unit.repeat(10 ** (power + 2))),
);

/** Ids in paths and bodies: valid-looking, out of range, malformed, hostile. */
export const hostileId: fc.Arbitrary<string> = fc.oneof(
  fc
    .tuple(
      // Every record prefix, one in lowercase, and one that is none.
      fc.constantFrom(...RECORD_ID_PREFIXES, 'inc', 'XYZ'),
      fc.oneof(
        fc.integer({ min: 0, max: 5 }).map(String),
        fc.constantFrom(
          '2147483647',
          '2147483648',
          '99999999999999999999',
          '-1',
          '01',
          '1e3',
          '0x10',
          '1.5',
          '',
        ),
      ),
    )
    .map(([prefix, seq]) => `${prefix}-${seq}`),
  fc.constantFrom(
    '24x7',
    'business-hours-eu',
    'not a calendar',
    '..',
    '%2e%2e',
  ),
  hostileString.map(s => s.slice(0, 300)),
);

/** Field names of the API's bodies and queries, so mutations reach the validators' corners. */
const FIELD_NAMES = [
  ...new Set(
    JSON.stringify(spec)
      .match(
        /"([a-zA-Z][a-zA-Z0-9]{1,40})":\s*\{\s*"(type|\$ref|oneOf|enum|items|nullable|format|anyOf|allOf)"/g,
      )
      ?.map(m => m.slice(1, m.indexOf('"', 1))) ?? [],
  ),
  'id',
  'version',
  'to',
  'status',
  'entityRef',
  'entityRefs',
  'holidays',
  'waiver',
];
const fieldName: fc.Arbitrary<string> = fc.constantFrom(...FIELD_NAMES);

/** JSON values of every shape, with hostile leaves. */
export const hostileJson: fc.Arbitrary<unknown> = fc.letrec(tie => ({
  value: fc.oneof(
    { depthSize: 'small' },
    hostileString,
    hostileId,
    fc.integer(),
    fc.double(),
    fc.constantFrom(
      null,
      true,
      false,
      0,
      -1,
      2 ** 31,
      2 ** 53,
      Number.MAX_SAFE_INTEGER,
      1e308,
    ),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(
      fc.oneof(
        fieldName,
        hostileString.map(s => s.slice(0, 30)),
      ),
      tie('value'),
      { maxKeys: 5 },
    ),
  ),
})).value;

/** Bodies: objects of API fields with hostile values, other JSON, or raw bytes. */
const hostileBody: fc.Arbitrary<{ body?: unknown; rawBody?: string }> =
  fc.oneof(
    fc
      .dictionary(fieldName, hostileJson, { minKeys: 1, maxKeys: 8 })
      .map(body => ({ body })),
    hostileJson.map(body => ({ body })),
    fc
      .constantFrom(
        '{',
        '{"title": "x",}',
        'null',
        '[]',
        'not json',
        '{"__proto__": {"admin": true}}',
        '{"constructor": {"prototype": {"admin": true}}}',
      )
      .map(rawBody => ({ rawBody })),
    fc.constant({}),
  );

const hostileIfMatch: fc.Arbitrary<string | undefined> = fc.oneof(
  fc.constant(undefined),
  fc.constantFrom(
    '"1"',
    '"0"',
    '"2147483648"',
    '1',
    '*',
    'W/"1"',
    '"-1"',
    '""',
  ),
  // What reaches a server: UTF-8 bytes read as Latin-1, without control characters.
  hostileString.map(s =>
    Buffer.from(s.slice(0, 200), 'utf8')
      .toString('latin1')
      .replace(/[^\t\x20-\x7e\x80-\xff]/g, ''),
  ),
);

/** Query strings: API field names and random keys with hostile, sometimes repeated values. */
const hostileQuery: fc.Arbitrary<Record<string, string | string[]>> =
  fc.dictionary(
    fc.oneof(
      fieldName,
      fc.constantFrom('limit', 'cursor', 'order', 'from', 'to', 'q', 'days'),
    ),
    fc.oneof(
      hostileString.map(s => s.slice(0, 500)),
      hostileId,
      fc.constantFrom('-1', '0', '201', '1e9', 'NaN', 'true', 'desc', 'asc'),
      fc.array(hostileId, { minLength: 2, maxLength: 3 }),
    ),
    { maxKeys: 4 },
  );

/** Ids of the records the fuzz test creates first, by path parameter. */
const EXISTING: Record<string, (path: string) => string | undefined> = {
  id: path => {
    if (path.startsWith('/incidents')) return 'INC-1';
    if (path.startsWith('/changes')) return 'CHG-1';
    if (path.startsWith('/problems')) return 'PRB-1';
    if (path.startsWith('/known-errors')) return 'KE-1';
    if (path.startsWith('/surveys')) return 'SUR-1';
    if (path.startsWith('/survey-templates')) return 'service-satisfaction';
    if (path.startsWith('/complaints')) return 'CMP-1';
    if (path.startsWith('/reviews')) return 'REV-1';
    if (path.startsWith('/improvements')) return 'IMP-1';
    if (path.startsWith('/calendars')) return 'business-hours-eu';
    return undefined;
  },
  linkId: () => '1',
  actionId: () => 'A-1',
};

/** A valid body of each write the fuzzer mutates one field of. */
const VALID_BODIES: Record<string, Record<string, unknown>> = {
  'post /incidents': {
    title: 'Checkout fails',
    entityRef: 'component:default/cart',
    impact: 2,
    urgency: 2,
  },
  'patch /incidents/{id}': { title: 'Checkout fails for EU cards' },
  'post /incidents/{id}/transitions': { to: 'in_progress' },
  'post /incidents/{id}/work-notes': { text: 'Looked at the logs' },
  'post /incidents/{id}/updates': { text: 'We are on it' },
  'post /incidents/{id}/links': { to: 'CHG-1', relation: 'caused_by' },
  'post /changes': {
    type: 'normal',
    title: 'Upgrade the search cluster',
    entityRefs: ['component:default/search'],
  },
  'patch /changes/{id}': { justification: 'Security fixes' },
  'post /changes/{id}/transitions': { to: 'assessment' },
  'post /changes/{id}/approvals': { decision: 'approve' },
  'post /change-assessments': {
    type: 'normal',
    entityRefs: ['component:default/search'],
  },
  'post /calendars': {
    id: 'support-fuzz',
    timezone: 'Europe/London',
    hours: { mon: [['09:00', '17:00']] },
  },
  'patch /calendars/{id}': { holidays: ['2027-05-03'] },
  'post /problems': {
    title: 'Checkout times out',
    entityRefs: ['component:default/cart'],
    impact: 2,
    urgency: 2,
  },
  'patch /problems/{id}': { rootCause: 'Pool of 10' },
  'post /problems/{id}/transitions': {
    to: 'investigating',
    owner: 'user:default/alice',
  },
  'post /problems/{id}/incidents': {
    incidentId: 'INC-1',
    reason: 'Same timeout',
  },
  'post /known-errors': {
    title: 'Pool exhausted',
    symptom: 'Timeouts',
    workaround: 'Restart',
    entityRefs: ['component:default/cart'],
  },
  'patch /known-errors/{id}': { workaround: 'Restart the pods' },
  'post /known-errors/{id}/uses': { incidentId: 'INC-1', kind: 'offered' },
  'post /slas': {
    entityRef: 'component:default/cart',
    title: 'Cart SLA',
    calendarId: '24x7',
    customerGroups: ['group:default/team-b'],
  },
  'post /surveys': { title: 'Cart Q1', entityRef: 'component:default/cart' },
  'patch /surveys/{id}': { title: 'Cart Q2' },
  'post /surveys/{id}/transitions': {
    to: 'open',
    closesAt: '2099-01-01T00:00:00Z',
  },
  'post /surveys/{id}/responses': { answers: { overall: 4 } },
  'post /incidents/{id}/satisfaction': { answers: { rating: 4 } },
  'post /survey-templates': {
    id: 'fuzz',
    title: 'Fuzz',
    questions: [{ id: 'r', type: 'rating', text: 'R' }],
  },
  'patch /survey-templates/{id}': { title: 'Fuzz 2' },
  'post /surveys/{id}/links': { to: 'INC-1', relation: 'relates_to' },
  'post /complaints': {
    title: 'Charged twice',
    description: 'Order 4711',
    entityRef: 'component:default/cart',
  },
  'patch /complaints/{id}': { response: 'Refunded' },
  'post /complaints/{id}/transitions': { to: 'resolved', response: 'Refunded' },
  'post /complaints/{id}/links': { to: 'INC-1', relation: 'relates_to' },
  'post /reviews': {
    entityRef: 'component:default/payments',
    scheduledFor: '2030-01-01T09:00:00.000Z',
  },
  'patch /reviews/{id}': { minutes: 'Discussed' },
  'post /reviews/{id}/transitions': { to: 'cancelled', cancelReason: 'Moved' },
  'post /reviews/{id}/pack': {},
  'post /reviews/{id}/sign-off': { comment: 'OK' },
  'post /reviews/{id}/actions': {
    title: 'Write it up',
    owner: 'user:default/alice',
    dueDate: '2030-01-15',
  },
  'patch /reviews/{id}/actions/{actionId}': { status: 'in_progress' },
  'post /reviews/{id}/links': { to: 'INC-1', relation: 'relates_to' },
  'post /improvements': {
    title: 'Size the cart pool for the peak',
    description: 'Timeouts at the monthly peak',
    entityRefs: ['component:default/cart'],
    benefit: 3,
    effort: 2,
    urgency: 3,
  },
  'patch /improvements/{id}': { rootCause: 'Pool of 10' },
  'post /improvements/{id}/transitions': { to: 'rejected', reason: 'Later' },
  'post /improvements/{id}/links': { to: 'INC-1', relation: 'relates_to' },
};

/** One field of a valid body replaced by a hostile value, removed, or an unknown one added. */
const nearValidMutation: fc.Arbitrary<
  ((valid: Record<string, unknown>) => Record<string, unknown>) | null
> = fc.oneof(
  { arbitrary: fc.constant(null), weight: 1 },
  {
    arbitrary: fc
      .tuple(fc.nat(), hostileJson, fc.constantFrom('replace', 'remove', 'add'))
      .map(([index, value, how]) => (valid: Record<string, unknown>) => {
        const keys = Object.keys(valid);
        const key = keys[index % keys.length];
        if (how === 'remove') {
          const { [key]: _, ...rest } = valid;
          return rest;
        }
        return how === 'add'
          ? { ...valid, [`x${index % 7}`]: value }
          : { ...valid, [key]: value };
      }),
    weight: 2,
  },
);

/** A request to one of the API's operations, with everything about it hostile. */
export const hostileRequest: fc.Arbitrary<HostileRequest> = fc
  .record({
    operation: fc.constantFrom(...OPERATIONS),
    otherMethod: fc.oneof(
      { arbitrary: fc.constant(null), weight: 9 },
      {
        arbitrary: fc.constantFrom<HostileRequest['method']>(
          'get',
          'post',
          'patch',
          'put',
          'delete',
        ),
        weight: 1,
      },
    ),
    existing: fc.boolean(),
    ids: fc.array(hostileId, { minLength: 3, maxLength: 3 }),
    query: hostileQuery,
    body: hostileBody,
    mutation: nearValidMutation,
    ifMatch: hostileIfMatch,
    contentType: fc.constantFrom(
      'application/json',
      'application/json',
      'text/plain',
      'application/x-www-form-urlencoded',
      'application/json; charset=utf-16',
    ),
  })
  .map(
    ({
      operation,
      otherMethod,
      existing,
      ids,
      query,
      body,
      mutation,
      ifMatch,
      contentType,
    }) => {
      let i = 0;
      // Half of the requests aim at records that exist, so they reach the handlers' rules.
      const path = operation[1].replace(/\{(\w+)\}/g, (_, name: string) =>
        existing
          ? EXISTING[name]?.(operation[1]) ??
            encodeURIComponent(ids[i++ % ids.length])
          : encodeURIComponent(ids[i++ % ids.length]),
      );
      const valid = VALID_BODIES[`${operation[0]} ${operation[1]}`];
      const sent = valid && mutation ? { body: mutation(valid) } : body;
      return {
        method: otherMethod ?? operation[0],
        path,
        query,
        headers: {
          'Content-Type': contentType,
          ...(ifMatch === undefined ? {} : { 'If-Match': ifMatch }),
        },
        ...sent,
      };
    },
  );
