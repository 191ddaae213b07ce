import { resolvePackagePath } from '@backstage/backend-plugin-api';
import {
  TestDatabases,
  mockCredentials,
  mockServices,
} from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  ITSM_IMPROVEMENT_RESOURCE_TYPE,
  ImprovementCreateRequest,
  ImprovementKpiRequest,
  KpiMeasurement,
  improvementCreateSchema,
} from '@backstage-itsm/plugin-itsm-common';
import { RecordLinkService } from '../../records/links';
import { RecordNotifier } from '../../records/notifier';
import { rulesetOf } from '../../records/permissionQuery';
import { ImprovementService } from './ImprovementService';
import { KnexImprovementStore } from './KnexImprovementStore';
import type { ImprovementCatalog } from './improvementCatalog';
import {
  ImprovementAccess,
  improvementPermissionRules,
} from './improvementPermissions';
import type { KpiMeasurer } from './measure';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });
const migrationsDir = resolvePackagePath(
  '@backstage-itsm/plugin-itsm-backend',
  'migrations',
);

const PAYMENTS = 'component:default/payments';
const CART = 'component:default/cart';
const TEAM_A = 'group:default/team-a';
const TEAM_B = 'group:default/team-b';
const ALICE = 'user:default/alice';
const BOB = 'user:default/bob';
const CAROL = 'user:default/carol';
const DAVE = 'user:default/dave';
const DAY = 86_400_000;
const T0 = new Date('2027-03-01T10:00:00.000Z');
const at = (days: number) => new Date(T0.getTime() + days * DAY);

/** Catalog: payments owned by team-a, cart by team-b; bob is in team-a, carol in team-b. */
const catalog: ImprovementCatalog = {
  async entities(refs) {
    return refs.map(ref => ({
      entityRef: ref.toLocaleLowerCase('en-US'),
      ownerRef: ref.toLocaleLowerCase('en-US') === CART ? TEAM_B : TEAM_A,
    }));
  },
  async groupsOf(user) {
    return { [BOB]: [TEAM_A], [CAROL]: [TEAM_B] }[user] ?? [];
  },
};

const breachCount: ImprovementKpiRequest = {
  kpi: 'breach_count',
  windowDays: 28,
  settleDays: 7,
  target: { kind: 'relative', percent: 50 },
};

function newItem(
  overrides: Partial<ImprovementCreateRequest> = {},
): ImprovementCreateRequest {
  return {
    title: 'Stop resolution breaches on payments',
    description: 'Twelve breaches last month',
    entityRefs: [PAYMENTS],
    benefit: 4,
    effort: 2,
    urgency: 4,
    kpi: breachCount,
    ...overrides,
  };
}

async function setup(databaseId: Parameters<typeof databases.init>[0]) {
  const knex = await databases.init(databaseId);
  await knex.migrate.latest({ directory: migrationsDir });
  let now = T0;
  let answer: (input: { from: Date; to: Date }) => KpiMeasurement = () => ({
    value: 12,
    n: 12,
  });
  const measurer = {
    measure: jest.fn(async (input: Parameters<KpiMeasurer['measure']>[0]) =>
      answer(input),
    ),
  };
  const allowAll = mockServices.permissions.mock({
    authorize: async requests =>
      requests.map(() => ({ result: AuthorizeResult.ALLOW })),
    authorizeConditional: async requests =>
      requests.map(() => ({ result: AuthorizeResult.ALLOW })),
  });
  const links = new RecordLinkService({ db: knex });
  const breaches = { linkImprovement: jest.fn(async () => {}) };
  const service = new ImprovementService({
    store: new KnexImprovementStore(knex),
    access: new ImprovementAccess({
      permissions: allowAll,
      ruleset: rulesetOf(
        ITSM_IMPROVEMENT_RESOURCE_TYPE,
        Object.values(improvementPermissionRules),
      ),
    }),
    catalog,
    measurer,
    sources: { resolve: async () => null },
    breaches,
    links,
    notifier: new RecordNotifier({ logger: mockServices.logger.mock() }),
    pluginCredentials: async () => mockCredentials.service('plugin:itsm'),
    logger: mockServices.logger.mock(),
    now: () => now,
  });
  links.register(service.linkable());
  const as = (user: string) => ({ credentials: mockCredentials.user(user) });
  const write = (user: string, version: number) => ({
    ...as(user),
    ifMatch: `"${version}"`,
  });
  const create = (overrides: Partial<ImprovementCreateRequest> = {}) =>
    service.create(
      improvementCreateSchema.parse(newItem(overrides)),
      as(ALICE),
    );
  /** Moves an item along as `user` at its current version. */
  const move = async (id: string, body: object, user = DAVE) =>
    service.transition(
      id,
      body,
      write(user, (await service.get(id, as(ALICE))).version),
    );
  const history = async (id: string) =>
    (await service.history(id, { limit: 100 }, as(ALICE))).items;
  return {
    knex,
    service,
    measurer,
    breaches,
    as,
    write,
    create,
    move,
    history,
    setNow: (instant: Date) => {
      now = instant;
    },
    answer: (fn: typeof answer) => {
      answer = fn;
    },
  };
}

describe('ImprovementService', () => {
  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    it('raises an item owned by the caller, its owning group the service owner group, scored', async () => {
      const { service, create, history, as } = await setup(databaseId);
      const item = await create({ entityRefs: ['Component:default/Payments'] });
      expect(item).toMatchObject({
        id: 'IMP-1',
        version: 1,
        status: 'proposed',
        kind: 'improvement',
        type: 'process',
        source: 'other',
        owner: ALICE,
        owningGroup: TEAM_A,
        entityRefs: [PAYMENTS],
        priority: {
          benefit: 4,
          effort: 2,
          urgency: 4,
          costOfDelay: 8,
          score: 4,
        },
        kpi: {
          kpi: 'breach_count',
          windowDays: 28,
          settleDays: 7,
          direction: 'decrease',
          target: { kind: 'relative', percent: 50 },
        },
        baseline: null,
        overdue: false,
        createdBy: ALICE,
      });
      const [created] = await history('IMP-1');
      expect(created).toMatchObject({
        version: 1,
        actor: ALICE,
        action: 'create',
        changes: { title: [null, item.title], baseline: [null, null] },
      });
      // A group owner is its own owning group.
      const grouped = await service.create(
        improvementCreateSchema.parse(newItem({ owner: TEAM_B })),
        as(ALICE),
      );
      expect(grouped).toMatchObject({ owner: TEAM_B, owningGroup: TEAM_B });
    });

    it('lets no owner, owner-group or owning-group member approve, writing nothing; someone else approves', async () => {
      const { service, create, write, history, as } = await setup(databaseId);
      const mine = await create(); // alice, owning group team-a
      const theirs = await service.create(
        improvementCreateSchema.parse(newItem({ owner: TEAM_B, kpi: null })),
        as(ALICE),
      );
      const approve = { to: 'approved' };
      await expect(
        service.transition(mine.id, approve, write(ALICE, 1)),
      ).rejects.toMatchObject({
        name: 'NotAllowedError',
        message: expect.stringMatching(/owner of an improvement/),
      });
      await expect(
        service.transition(mine.id, approve, write(BOB, 1)),
      ).rejects.toMatchObject({
        name: 'NotAllowedError',
        message: expect.stringMatching(/owning group group:default\/team-a/),
      });
      await expect(
        service.transition(theirs.id, approve, write(CAROL, 1)),
      ).rejects.toMatchObject({
        name: 'NotAllowedError',
        message: expect.stringMatching(/owner group group:default\/team-b/),
      });
      expect((await service.get(mine.id, as(ALICE))).version).toBe(1);
      expect(await history(mine.id)).toHaveLength(1);
      expect(await history(theirs.id)).toHaveLength(1);

      const approved = await service.transition(
        mine.id,
        approve,
        write(DAVE, 1),
      );
      expect(approved).toMatchObject({
        status: 'approved',
        version: 2,
        approvedBy: DAVE,
        approvedAt: T0.toISOString(),
      });
      // Bob (team-a) may approve carol's group's item.
      await expect(
        service.transition(theirs.id, approve, write(BOB, 1)),
      ).resolves.toMatchObject({ status: 'approved', baseline: null });
    });

    it('freezes the baseline at approval and never measures it again', async () => {
      const { service, measurer, create, move, write, answer, setNow, as } =
        await setup(databaseId);
      const item = await create();
      answer(() => ({ value: 12, n: 12 }));
      const approved = await move(item.id, { to: 'approved' });
      const baseline = {
        from: at(-28).toISOString(),
        to: T0.toISOString(),
        value: 12,
        n: 12,
        unit: 'breaches',
        measuredAt: T0.toISOString(),
      };
      expect(approved.baseline).toEqual(baseline);
      expect(measurer.measure).toHaveBeenCalledTimes(1);
      expect(measurer.measure).toHaveBeenCalledWith({
        kpi: approved.kpi,
        entityRefs: [PAYMENTS],
        from: at(-28),
        to: T0,
      });

      // Later breaches, later edits and moves: the baseline stays as it was frozen.
      answer(() => ({ value: 40, n: 40 }));
      setNow(at(1));
      await service.patch(
        item.id,
        { title: 'Stop breaches on payments for good', urgency: 5 },
        write(ALICE, 2),
      );
      await expect(
        service.patch(
          item.id,
          { kpi: { ...breachCount, windowDays: 14 } },
          write(ALICE, 3),
        ),
      ).rejects.toMatchObject({
        name: 'ConflictError',
        message: expect.stringMatching(/KPI is fixed/),
      });
      await move(item.id, { to: 'in_progress' }, ALICE);
      const implemented = await move(item.id, { to: 'implemented' }, ALICE);
      expect(implemented.baseline).toEqual(baseline);
      expect((await service.get(item.id, as(DAVE))).baseline).toEqual(baseline);
      expect(measurer.measure).toHaveBeenCalledTimes(1);
    });

    it('writes nothing when the baseline cannot be measured', async () => {
      const { service, create, write, answer, history, as } = await setup(
        databaseId,
      );
      const item = await create();
      answer(() => {
        throw new Error('the incident store is away');
      });
      await expect(
        service.transition(item.id, { to: 'approved' }, write(DAVE, 1)),
      ).rejects.toMatchObject({
        name: 'ServiceUnavailableError',
        message: expect.stringMatching(/nothing was written/),
      });
      expect(await service.get(item.id, as(ALICE))).toMatchObject({
        version: 1,
        status: 'proposed',
        baseline: null,
      });
      expect(await history(item.id)).toHaveLength(1);
    });

    it.each([
      // 12 breaches before, 50% fewer wanted: 6 or fewer.
      ['breach_count', 12, 12, 4, 4, 'achieved', 6, '4 breaches'],
      ['breach_count', 12, 12, 9, 9, 'not_achieved', 6, '9 breaches'],
      // 3 before and none after: too few to tell.
      ['breach_count', 3, 3, 0, 0, 'inconclusive', 1.5, '0 breaches'],
      // MTTR 10 h over 20 incidents, 50% shorter wanted: 4.5 h over 15 is achieved.
      ['mttr', 10, 20, 4.5, 15, 'achieved', 5, '4.5 hours'],
    ] as const)(
      'evaluates %s %d (n %d) then %d (n %d) as %s against the goal %d',
      async (kpi, before, nBefore, after, nAfter, verdict, goal, words) => {
        const { service, create, move, write, answer, setNow, history, as } =
          await setup(databaseId);
        const item = await create({ kpi: { ...breachCount, kpi } });
        answer(() => ({ value: before, n: nBefore }));
        await move(item.id, { to: 'approved' });
        setNow(at(2));
        await move(item.id, { to: 'in_progress' }, ALICE);
        const implemented = await move(item.id, { to: 'implemented' }, ALICE);
        // Measured over [implementedAt + 7 d, + 28 d).
        const windowEnd = at(2 + 7 + 28);
        setNow(new Date(windowEnd.getTime() - 1));
        await expect(
          service.evaluate(item.id, write(ALICE, implemented.version)),
        ).rejects.toMatchObject({
          name: 'ConflictError',
          message: `The measurement window ends at ${windowEnd.toISOString()}; the improvement is evaluated then`,
        });

        answer(({ from, to }) => {
          expect([from, to]).toEqual([at(9), windowEnd]);
          return { value: after, n: nAfter };
        });
        setNow(windowEnd);
        const evaluated = await service.evaluate(
          item.id,
          write(ALICE, implemented.version),
        );
        expect(evaluated).toMatchObject({
          status: 'evaluated',
          version: implemented.version + 1,
          verdict,
          goal,
          evaluatedAt: windowEnd.toISOString(),
          measured: {
            from: at(9).toISOString(),
            to: windowEnd.toISOString(),
            value: after,
            n: nAfter,
            measuredAt: windowEnd.toISOString(),
          },
          baseline: { value: before, n: nBefore },
        });
        expect(evaluated.evaluation).toContain(words);
        expect(evaluated.evaluation).toContain(`n = ${nAfter}`);
        expect(evaluated.evaluation).toContain(verdict.replace('_', ' '));
        const last = (await history(item.id)).pop();
        expect(last).toMatchObject({
          actor: ALICE,
          action: 'evaluate',
          changes: {
            status: ['implemented', 'evaluated'],
            verdict: [null, verdict],
          },
        });
        // Final-status rules hold: evaluated items close, and closed ones take no edits.
        const closed = await move(item.id, { to: 'closed' }, ALICE);
        await expect(
          service.patch(
            item.id,
            { title: 'Later' },
            write(ALICE, closed.version),
          ),
        ).rejects.toMatchObject({ name: 'ConflictError' });
        expect((await service.get(item.id, as(ALICE))).status).toBe('closed');
      },
    );

    it('evaluates every due item once, even with two jobs at once, as the plugin', async () => {
      const { service, create, move, answer, setNow, history } = await setup(
        databaseId,
      );
      const ids: string[] = [];
      for (const windowDays of [7, 7, 60]) {
        const item = await create({ kpi: { ...breachCount, windowDays } });
        await move(item.id, { to: 'approved' });
        await move(item.id, { to: 'in_progress' }, ALICE);
        await move(item.id, { to: 'implemented' }, ALICE);
        ids.push(item.id);
      }
      const withoutKpi = await create({ kpi: null });
      await move(withoutKpi.id, { to: 'approved' });
      answer(() => ({ value: 2, n: 2 }));
      setNow(at(14));
      const runs = await Promise.all([
        service.evaluateDue(),
        service.evaluateDue(),
      ]);
      const evaluated = runs.flatMap(r => r.evaluated).sort();
      expect(evaluated).toEqual([ids[0], ids[1]]);
      expect(runs.flatMap(r => r.failed)).toEqual([]);
      for (const id of ids.slice(0, 2)) {
        const events = (await history(id)).filter(e => e.action === 'evaluate');
        expect(events).toEqual([
          expect.objectContaining({ actor: 'plugin:itsm' }),
        ]);
      }
      // Nothing left to do; the long window is not over yet.
      expect(await service.evaluateDue()).toEqual({
        evaluated: [],
        skipped: [],
        failed: [],
      });
      expect(await service.evaluateDue(at(100))).toMatchObject({
        evaluated: [ids[2]],
      });
    });

    it('decides what is due from implementedAt and the KPI, not from a stored copy', async () => {
      const { knex, service, create, move, answer, as } = await setup(
        databaseId,
      );
      const item = await create({ kpi: { ...breachCount, windowDays: 7 } });
      await move(item.id, { to: 'approved' });
      await move(item.id, { to: 'in_progress' }, ALICE);
      await move(item.id, { to: 'implemented' }, ALICE);
      answer(() => ({ value: 1, n: 1 }));
      expect((await service.evaluateDue()).evaluated).toEqual([]);
      // Its go-live corrected in the database, a month earlier: due now.
      await knex('itsm_improvements')
        .where('seq', Number(item.id.slice(4)))
        .update({
          implemented_at: new Date(
            Date.parse(item.createdAt) - 30 * 86_400_000,
          ),
        });
      expect((await service.evaluateDue()).evaluated).toEqual([item.id]);
      expect((await service.get(item.id, as(ALICE))).status).toBe('evaluated');
    });

    it('proposes one item per source key, whatever the race, and never again', async () => {
      const { service, knex, create, move } = await setup(databaseId);
      const proposal = newItem({
        title: 'Repeated breaches of P2 resolution on payments',
        source: 'sla_breach',
        kpi: null,
      });
      const [first, second] = await Promise.all([
        service.propose(proposal, 'breaches:payments:resolution:P2'),
        service.propose(proposal, 'breaches:payments:resolution:P2'),
      ]);
      const made = [first, second].filter(Boolean);
      expect(made).toHaveLength(1);
      expect(made[0]).toMatchObject({
        status: 'proposed',
        sourceKey: 'breaches:payments:resolution:P2',
        createdBy: 'plugin:itsm',
        owner: TEAM_A,
        owningGroup: TEAM_A,
      });
      const rows = await knex('itsm_improvements').count({ n: '*' });
      expect(Number(rows[0].n)).toBe(1);

      // Rejected, the key still holds; another key makes another item.
      await move(made[0]!.id, { to: 'rejected', reason: 'Known, accepted' });
      expect(
        await service.propose(proposal, 'breaches:payments:resolution:P2'),
      ).toBeNull();
      await expect(
        service.propose(proposal, 'breaches:payments:resolution:P1'),
      ).resolves.toMatchObject({
        status: 'proposed',
        sourceKey: 'breaches:payments:resolution:P1',
      });
      // People's items carry no key: any number of them.
      await create();
      await create();
      expect(
        Number((await knex('itsm_improvements').count({ n: '*' }))[0].n),
      ).toBe(4);
    });

    it('lists by score, target date or creation with stable cursors and the overdue and verdict filters in SQL', async () => {
      const { service, create, move, as } = await setup(databaseId);
      const low = await create({ benefit: 1, effort: 5, urgency: 1 }); // 0.4
      const high = await create({
        benefit: 5,
        effort: 1,
        urgency: 5,
        targetDate: '2027-02-28',
      }); // 10, overdue
      const mid = await create({
        entityRefs: [CART],
        targetDate: '2027-03-01',
      }); // 4, due today
      const rejected = await create({
        benefit: 5,
        effort: 1,
        urgency: 4,
        targetDate: '2027-01-01',
      }); // 9, past but rejected
      await move(rejected.id, { to: 'rejected', reason: 'Not now' });
      const ids = async (query: object) =>
        (await service.list(query, as(ALICE))).items.map(i => i.id);

      expect(await ids({ sort: 'score' })).toEqual([
        high.id,
        rejected.id,
        mid.id,
        low.id,
      ]);
      const page = await service.list({ sort: 'score', limit: 2 }, as(ALICE));
      expect(page.items.map(i => i.id)).toEqual([high.id, rejected.id]);
      expect(
        await ids({ sort: 'score', limit: 2, cursor: page.nextCursor }),
      ).toEqual([mid.id, low.id]);
      await expect(
        service.list({ sort: 'created', cursor: page.nextCursor }, as(ALICE)),
      ).rejects.toMatchObject({ name: 'InputError' });
      expect(await ids({ sort: 'targetDate', order: 'asc' })).toEqual([
        rejected.id,
        high.id,
        mid.id,
        low.id,
      ]);
      const firstDue = await service.list(
        { sort: 'targetDate', order: 'asc', limit: 3 },
        as(ALICE),
      );
      expect(
        await ids({
          sort: 'targetDate',
          order: 'asc',
          cursor: firstDue.nextCursor,
        }),
      ).toEqual([low.id]);
      expect(await ids({})).toEqual([rejected.id, mid.id, high.id, low.id]);

      expect(await ids({ overdue: 'true' })).toEqual([high.id]);
      expect((await service.get(high.id, as(ALICE))).overdue).toBe(true);
      expect((await service.get(mid.id, as(ALICE))).overdue).toBe(false);
      expect(await ids({ overdue: 'false' })).toEqual([
        rejected.id,
        mid.id,
        low.id,
      ]);
      expect(await ids({ entityRef: ['component:default/CART'] })).toEqual([
        mid.id,
      ]);
      expect(await ids({ verdict: ['none'], status: ['rejected'] })).toEqual([
        rejected.id,
      ]);
      expect(await ids({ verdict: ['achieved'] })).toEqual([]);
      expect(await ids({ owner: [TEAM_A.toUpperCase()] })).toEqual([
        rejected.id,
        high.id,
        low.id,
      ]);
    });

    it('exports the register as CSV with priority inputs, measured outcomes and defused formulas', async () => {
      const { service, create, move, write, answer, setNow, as } = await setup(
        databaseId,
      );
      const item = await create({ title: '=HYPERLINK("http://x")' });
      await create({ title: 'Second, with a comma', kpi: null });
      await move(item.id, { to: 'approved' });
      await move(item.id, { to: 'in_progress' }, ALICE);
      const implemented = await move(item.id, { to: 'implemented' }, ALICE);
      answer(() => ({ value: 4, n: 4 }));
      setNow(at(35));
      await service.evaluate(item.id, write(ALICE, implemented.version));

      const chunks: string[] = [];
      const count = await service.exportCsv(
        { sort: 'created', order: 'asc' },
        as(ALICE),
        chunk => {
          chunks.push(chunk);
        },
      );
      expect(count).toBe(2);
      const lines = chunks.join('').split('\r\n');
      expect(lines).toHaveLength(4);
      expect(lines[3]).toBe('');
      const header = lines[0].split(',');
      expect(header).toEqual(
        expect.arrayContaining([
          'id',
          'score',
          'benefit',
          'baselineFrom',
          'baselineTo',
          'baselineValue',
          'baselineN',
          'measuredFrom',
          'measuredTo',
          'measuredValue',
          'measuredN',
          'goal',
          'verdict',
        ]),
      );
      const row = Object.fromEntries(
        lines[1]
          .match(/("([^"]|"")*"|[^,]*)(,|$)/g)!
          .map(cell => cell.replace(/,$/, ''))
          .map((cell, i) => [header[i], cell]),
      );
      expect(row).toMatchObject({
        id: 'IMP-1',
        title: `"'=HYPERLINK(""http://x"")"`,
        status: 'evaluated',
        benefit: '4',
        effort: '2',
        urgency: '4',
        score: '4',
        kpi: 'breach_count',
        baselineFrom: at(-28).toISOString(),
        baselineTo: T0.toISOString(),
        baselineValue: '12',
        baselineN: '12',
        measuredFrom: at(7).toISOString(),
        measuredTo: at(35).toISOString(),
        measuredValue: '4',
        measuredN: '4',
        goal: '6',
        verdict: 'achieved',
      });
      expect(lines[2]).toMatch(/^IMP-2,proposed,.*"Second, with a comma"/);
    });
  });
});
