import { resolvePackagePath } from '@backstage/backend-plugin-api';
import {
  TestDatabases,
  mockCredentials,
  mockServices,
} from '@backstage/backend-test-utils';
import { NotAllowedError, NotFoundError } from '@backstage/errors';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  isInvitationSampled,
  satisfactionScores,
} from '@backstage-itsm/plugin-itsm-common';
import { Knex } from 'knex';
import { catalogGraph } from '../../__testUtils__/catalogGraph';
import { permissionsFor } from '../../__testUtils__/permissions';
import { ItsmCatalog } from '../../catalog/ItsmCatalog';
import { RecordNotifier } from '../../records/notifier';
import { ChangeCatalog } from '../changes/ChangeCatalog';
import type { SlaTermsRevision } from '../service-levels/KnexSlaTargetStore';
import { InvitationDelivery } from './InvitationDelivery';
import { KnexSatisfactionStore } from './KnexSatisfactionStore';
import { SatisfactionService } from './SatisfactionService';
import { SurveyAudienceResolver } from './SurveyAudienceResolver';
import { SurveyService } from './SurveyService';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });
const migrationsDir = resolvePackagePath(
  '@backstage-itsm/plugin-itsm-backend',
  'migrations',
);

const PAYMENTS = 'component:default/payments';
const ALICE = 'user:default/alice';
const BOB = 'user:default/bob';
const CAROL = 'user:default/carol';
const DAN = 'user:default/dan';
const ERIN = 'user:default/erin';
const OLIVIA = 'user:default/olivia';
const DAY = 24 * 3_600_000;

/**
 * The payments service: checkout depends on it, the mobile app consumes the API it provides,
 * and the retail customers have an SLA on it. Team members: alice and bob in retail, carol in
 * the checkout team, dan in the mobile team; erin is in no group.
 */
const entities = catalogGraph(
  [
    ['component:default/payments'],
    ['api:default/payments-api'],
    ['component:default/checkout'],
    ['component:default/mobile-app'],
    ['component:default/unrelated'],
    ['group:default/retail'],
    ['group:default/checkout-team'],
    ['group:default/mobile-team'],
    ['group:default/payments-team'],
    ['user:default/alice'],
    ['user:default/bob'],
    ['user:default/carol'],
    ['user:default/dan'],
    ['user:default/erin'],
    ['user:default/olivia'],
  ],
  [
    ['component:default/checkout', 'dependsOn', 'component:default/payments'],
    ['component:default/payments', 'providesApi', 'api:default/payments-api'],
    ['component:default/mobile-app', 'consumesApi', 'api:default/payments-api'],
    ['component:default/payments', 'ownedBy', 'group:default/payments-team'],
    ['component:default/checkout', 'ownedBy', 'group:default/checkout-team'],
    ['component:default/mobile-app', 'ownedBy', 'group:default/mobile-team'],
    ['component:default/unrelated', 'ownedBy', 'group:default/payments-team'],
    ['group:default/retail', 'hasMember', 'user:default/alice'],
    ['group:default/retail', 'hasMember', 'user:default/bob'],
    ['group:default/checkout-team', 'hasMember', 'user:default/carol'],
    ['group:default/mobile-team', 'hasMember', 'user:default/dan'],
    ['group:default/payments-team', 'hasMember', 'user:default/olivia'],
  ],
);

const slaRevision: SlaTermsRevision = {
  slaSeq: 1,
  revision: 1,
  effectiveFrom: '2026-01-01T00:00:00.000Z',
  effectiveTo: null,
  terms: {
    title: 'Payments',
    calendarId: '24x7',
    customerGroups: ['group:default/retail'],
    targets: { incidents: {} },
    workloadLimits: {},
    exceptions: '',
    reviewCadence: 'quarterly',
  },
};

const as = (user: string) => ({ credentials: mockCredentials.user(user) });

async function setup(
  databaseId: (typeof databases.eachSupportedId extends () => Array<infer T>
    ? T
    : never)[0],
  options: { sampleRate?: number; send?: jest.Mock } = {},
) {
  const knex = await databases.init(databaseId);
  await knex.migrate.latest({ directory: migrationsDir });
  const store = new KnexSatisfactionStore(knex);
  const clock = { now: new Date('2027-02-01T10:00:00.000Z') };
  const now = () => new Date(clock.now);
  const send = options.send ?? jest.fn(async () => {});
  const notifications = { send } as any;
  const catalogService = catalogServiceMock({ entities });
  const auth = mockServices.auth();
  const catalog = new ItsmCatalog({ catalog: catalogService, auth });
  const logger = mockServices.logger.mock();
  const notifier = new RecordNotifier({ notifications, logger });
  const delivery = new InvitationDelivery({ store, notifications, notifier });
  const permissions = permissionsFor(ERIN, {
    deny: ['itsm.survey.manage', 'itsm.sla.read'],
  });
  const surveys = new SurveyService({
    store,
    permissions,
    catalog,
    audience: new SurveyAudienceResolver({
      catalog,
      members: new ChangeCatalog({
        catalog: catalogService,
        auth,
        impactAnalyzer: { analyze: jest.fn() },
      }),
      slas: {
        revisionsOf: async ref => (ref === PAYMENTS ? [slaRevision] : []),
        revision: async () => undefined,
      },
    }),
    delivery,
    notifier,
    auth,
    // The payments team (olivia) owns payments.
    owners: {
      requireOwner: async credentials => {
        const principal = credentials.principal as {
          type: string;
          userEntityRef?: string;
        };
        // The plugin's jobs act as a service.
        if (principal.type === 'user' && principal.userEntityRef !== OLIVIA) {
          throw new NotAllowedError(
            `only owners of ${PAYMENTS} may change its survey campaigns`,
          );
        }
      },
    },
    now,
  });
  const satisfaction = new SatisfactionService({
    store,
    permissions,
    surveys,
    incidentReadable: async id => {
      if (id !== 'INC-7') throw new NotFoundError(`Incident '${id}' not found`);
      return {
        title: 'Card payments fail',
        entityRef: PAYMENTS,
        reporter: ALICE,
        status: 'resolved',
      };
    },
    delivery,
    notifier,
    config: {
      sampleRate: options.sampleRate ?? 1,
      invitationExpiryDays: 14,
    },
    now,
  });
  return { knex, store, clock, send, surveys, satisfaction };
}

type Setup = Awaited<ReturnType<typeof setup>>;

async function openCampaign(
  { surveys }: Setup,
  overrides: Record<string, unknown> = {},
) {
  const draft = await surveys.create(
    {
      title: 'Payments Q1',
      description: '',
      entityRef: PAYMENTS,
      templateId: 'service-satisfaction',
      anonymous: false,
      audience: { slaCustomers: true, consumerOwners: true, extra: [] },
      closesAt: '2027-03-01T00:00:00.000Z',
      ...overrides,
    },
    as(OLIVIA),
  );
  return surveys.transition(
    draft.id,
    { to: 'open' },
    { ...as(OLIVIA), ifMatch: `"${draft.version}"` },
  );
}

/** Resolve events of an incident in the shared history, as the incident service writes them. */
async function resolveEvents(knex: Knex, seq: number, versions: number[]) {
  for (const version of versions) {
    await knex('itsm_history_events').insert({
      record_type: 'incident',
      record_seq: seq,
      version,
      at: new Date('2027-02-01T09:00:00.000Z'),
      actor: OLIVIA,
      action: 'transition',
      changes: JSON.stringify({
        status: ['in_progress', 'resolved'],
        resolutionCode: [null, 'fixed'],
      }),
    });
    // A reopen between resolutions.
    await knex('itsm_history_events').insert({
      record_type: 'incident',
      record_seq: seq,
      version: version + 1,
      at: new Date('2027-02-01T09:30:00.000Z'),
      actor: OLIVIA,
      action: 'transition',
      changes: JSON.stringify({ status: ['resolved', 'in_progress'] }),
    });
  }
}

const resolved = (version: number) => ({
  seq: 7,
  id: 'INC-7',
  version,
  title: 'Card payments fail',
  entityRef: PAYMENTS,
  reporter: ALICE,
  resolvedAt: new Date('2027-02-01T09:00:00.000Z'),
  actor: OLIVIA,
});

describe('satisfaction', () => {
  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    it('invites the SLA customers and the owners of the consumers from the catalog graph, once each', async () => {
      const s = await setup(databaseId);
      const survey = await openCampaign(s);
      expect(survey).toMatchObject({ status: 'open', invited: 4 });
      const invitees = await s
        .knex('itsm_survey_invitations')
        .orderBy('invitee')
        .pluck('invitee');
      // retail (alice, bob), checkout depends on it (carol), mobile consumes its API (dan);
      // not its own owners, not erin.
      expect(invitees).toEqual([ALICE, BOB, CAROL, DAN]);
      // One notification to the four, scoped to the campaign, marked sent.
      expect(s.send).toHaveBeenCalledTimes(1);
      expect(s.send).toHaveBeenCalledWith({
        recipients: { type: 'entity', entityRef: [ALICE, BOB, CAROL, DAN] },
        payload: expect.objectContaining({
          link: '/itsm/surveys/respond?survey=SUR-1',
          scope: 'itsm:survey:SUR-1:invitation',
        }),
      });
      expect(
        await s.knex('itsm_survey_invitations').whereNull('notified_at'),
      ).toEqual([]);
      // Nothing is sent again.
      s.clock.now = new Date(s.clock.now.getTime() + DAY);
      expect(await s.satisfaction.resendStale()).toBe(0);
      expect(s.send).toHaveBeenCalledTimes(1);

      // Extra people only, without the SLA and the graph.
      const only = await openCampaign(s, {
        title: 'Named',
        audience: {
          slaCustomers: false,
          consumerOwners: false,
          extra: ['group:default/mobile-team', ERIN],
        },
      });
      expect(only.invited).toBe(2);
    });

    it('resends an invitation whose sending failed, under the same scope, and only once', async () => {
      const send = jest
        .fn()
        .mockRejectedValueOnce(new Error('notifications down'))
        .mockResolvedValue(undefined);
      const s = await setup(databaseId, { send });
      await openCampaign(s);
      expect(send).toHaveBeenCalledTimes(1);
      expect(
        await s.knex('itsm_survey_invitations').whereNull('notified_at'),
      ).toHaveLength(4);
      // Too early: the claim is fresh.
      expect(await s.satisfaction.resendStale()).toBe(0);
      s.clock.now = new Date(s.clock.now.getTime() + 16 * 60_000);
      expect(await s.satisfaction.resendStale()).toBe(4);
      expect(send).toHaveBeenCalledTimes(2);
      expect(send.mock.calls[1][0].payload.scope).toBe(
        'itsm:survey:SUR-1:invitation',
      );
      s.clock.now = new Date(s.clock.now.getTime() + DAY);
      expect(await s.satisfaction.resendStale()).toBe(0);
      expect(send).toHaveBeenCalledTimes(2);
    });

    it('takes one response per invited person, refuses others, and stops at closing', async () => {
      const s = await setup(databaseId);
      const survey = await openCampaign(s);
      const answer = { answers: { overall: 5, recommend: 10 } };
      const first = await s.satisfaction.respondToSurvey(
        survey.id,
        answer,
        as(ALICE),
      );
      expect(first).toMatchObject({
        source: { type: 'campaign', id: 'SUR-1' },
        respondent: ALICE,
        rating: 5,
        nps: 10,
      });
      await expect(
        s.satisfaction.respondToSurvey(survey.id, answer, as(ALICE)),
      ).rejects.toMatchObject({ name: 'ConflictError' });
      await expect(
        s.satisfaction.respondToSurvey(survey.id, answer, as(ERIN)),
      ).rejects.toMatchObject({ name: 'NotAllowedError' });
      await expect(
        s.satisfaction.respondToSurvey('SUR-99', answer, as(ALICE)),
      ).rejects.toMatchObject({ name: 'NotFoundError' });
      await expect(
        s.satisfaction.respondToSurvey(
          survey.id,
          { answers: { overall: 1 } },
          as(BOB),
        ),
      ).rejects.toThrow(/comment: is required with a low score/);
      await expect(
        s.satisfaction.respondToSurvey(
          survey.id,
          { answers: { overall: 7 } },
          as(BOB),
        ),
      ).rejects.toThrow(/answers.overall: must be a whole number from 1 to 5/);
      // Refusals wrote nothing.
      expect(await s.knex('itsm_survey_responses')).toHaveLength(1);

      // Closing time passes: the job closes it, answers are refused.
      s.clock.now = new Date('2027-03-01T00:00:01.000Z');
      expect(await s.surveys.closeExpired()).toEqual(['SUR-1']);
      await expect(
        s.satisfaction.respondToSurvey(survey.id, answer, as(BOB)),
      ).rejects.toThrow(/closed/);
      expect(await s.surveys.get(survey.id, as(ALICE))).toMatchObject({
        status: 'closed',
        invited: 4,
        responses: 1,
      });
    });

    it('stores no identity for an anonymous campaign, and still one answer per person', async () => {
      const s = await setup(databaseId);
      const survey = await openCampaign(s, { anonymous: true });
      const response = await s.satisfaction.respondToSurvey(
        survey.id,
        { answers: { overall: 2 }, comment: 'Refunds take weeks' },
        as(CAROL),
      );
      expect(response.respondent).toBeNull();
      const rows = await s.knex('itsm_survey_responses');
      expect(rows).toHaveLength(1);
      expect(rows[0].respondent).toBeNull();
      expect(JSON.stringify(rows[0])).not.toMatch(/carol/);
      await expect(
        s.satisfaction.respondToSurvey(
          survey.id,
          { answers: { overall: 4 } },
          as(CAROL),
        ),
      ).rejects.toMatchObject({ name: 'ConflictError' });
      // The invitation says it was answered, not when: nothing to match the response with.
      const invitation = await s
        .knex('itsm_survey_invitations')
        .where('invitee', CAROL)
        .first();
      expect(Boolean(invitation.answered)).toBe(true);
      expect(invitation.invitee_hash).toMatch(/^[0-9a-f]{64}$/);
      expect(Object.keys(invitation)).not.toContain('answered_at');
    });

    it('computes the figures in SQL as the pure rules and by hand', async () => {
      const s = await setup(databaseId);
      const survey = await openCampaign(s);
      // 4 invited; alice 5 / NPS 10, bob 4 / NPS 8, carol 2 / NPS 3 with why, dan 1 (no NPS).
      const answers = [
        [ALICE, { overall: 5, recommend: 10 }, null],
        [BOB, { overall: 4, recommend: 8 }, null],
        [CAROL, { overall: 2, recommend: 3 }, 'Slow refunds'],
        [DAN, { overall: 1 }, 'Outage at month end'],
      ] as const;
      for (const [user, a, comment] of answers) {
        s.clock.now = new Date(s.clock.now.getTime() + 60_000);
        await s.satisfaction.respondToSurvey(
          survey.id,
          { answers: a, comment },
          as(user),
        );
      }
      const figures = await s.satisfaction.figures({
        entityRef: PAYMENTS,
        from: new Date('2027-02-01T00:00:00.000Z'),
        to: new Date('2027-03-01T00:00:00.000Z'),
      });
      // By hand: CSAT 2 of 4 = 50 %, mean 12 / 4 = 3, NPS (1 promoter − 1 detractor) / 3 = 0.
      expect(figures).toEqual({
        ratings: 4,
        csatPercent: 50,
        meanRating: 3,
        npsAnswers: 3,
        nps: 0,
        tooFew: true,
        invited: 4,
        responses: 4,
        responseRatePercent: 100,
      });
      expect(figures).toMatchObject(
        satisfactionScores(
          answers.map(([, a]) => ({
            rating: a.overall,
            nps: (a as any).recommend,
          })),
        ),
      );
      // Another service has none; a period before has none.
      expect(
        await s.satisfaction.figures({
          entityRef: 'component:default/checkout',
          from: '2027-02-01T00:00:00.000Z',
          to: '2027-03-01T00:00:00.000Z',
        }),
      ).toMatchObject({ ratings: 0, csatPercent: null, invited: 0 });

      const trend = await s.satisfaction.trend({
        entityRef: PAYMENTS,
        periods: [
          {
            label: '2027-01',
            from: new Date('2027-01-01T00:00:00.000Z'),
            to: new Date('2027-02-01T00:00:00.000Z'),
          },
          {
            label: '2027-02',
            from: new Date('2027-02-01T00:00:00.000Z'),
            to: new Date('2027-03-01T00:00:00.000Z'),
          },
        ],
      });
      expect(
        trend.map(p => [p.label, p.ratings, p.csatPercent, p.invited]),
      ).toEqual([
        ['2027-01', 0, null, 0],
        ['2027-02', 4, 50, 4],
      ]);

      const comments = await s.satisfaction.comments({
        entityRef: PAYMENTS,
        from: '2027-02-01T00:00:00.000Z',
        to: '2027-03-01T00:00:00.000Z',
        limit: 10,
      });
      expect(comments.map(c => [c.comment, c.rating, c.source.id])).toEqual([
        ['Outage at month end', 1, 'SUR-1'],
        ['Slow refunds', 2, 'SUR-1'],
      ]);

      // The overview needs itsm.sla.read.
      await expect(
        s.satisfaction.overview({ entityRef: PAYMENTS }, as(ERIN)),
      ).rejects.toMatchObject({ name: 'NotAllowedError' });
      const overview = await s.satisfaction.overview(
        { entityRef: PAYMENTS },
        as(ALICE),
      );
      expect(overview.figures.ratings).toBe(4);
      expect(overview.trend).toHaveLength(6);
      expect(overview.trend[5]).toMatchObject({ label: '2027-02', ratings: 4 });
    });

    it('invites a sample of reporters after a resolution, once per cycle, and asks again after a reopen', async () => {
      const s = await setup(databaseId);
      await resolveEvents(s.knex, 7, [3, 6]);
      await s.satisfaction.incidentResolved(resolved(3));
      await s.satisfaction.incidentResolved(resolved(3)); // a retry
      expect(s.send).toHaveBeenCalledTimes(1);
      expect(s.send.mock.calls[0][0]).toEqual({
        recipients: { type: 'entity', entityRef: [ALICE] },
        payload: expect.objectContaining({
          link: '/itsm/surveys/respond?incident=INC-7',
          scope: 'itsm:incident:INC-7:resolved',
        }),
      });
      const [pending] = (
        await s.satisfaction.invitations({ incidentId: 'INC-7' }, as(ALICE))
      ).items;
      expect(pending).toMatchObject({
        source: { type: 'incident', id: 'INC-7' },
        state: 'pending',
        questions: [expect.objectContaining({ id: 'rating' })],
      });

      await s.satisfaction.respondToIncident(
        'INC-7',
        { answers: { rating: 4 } },
        as(ALICE),
      );
      await expect(
        s.satisfaction.respondToIncident(
          'INC-7',
          { answers: { rating: 5 } },
          as(ALICE),
        ),
      ).rejects.toMatchObject({ name: 'ConflictError' });
      await expect(
        s.satisfaction.respondToIncident(
          'INC-7',
          { answers: { rating: 5 } },
          as(BOB),
        ),
      ).rejects.toMatchObject({ name: 'NotAllowedError' });
      await expect(
        s.satisfaction.respondToIncident(
          'INC-8',
          { answers: { rating: 5 } },
          as(ALICE),
        ),
      ).rejects.toMatchObject({ name: 'NotFoundError' });

      // Reopened and resolved again: the second cycle asks again.
      await s.satisfaction.incidentResolved(resolved(6));
      expect(s.send).toHaveBeenCalledTimes(2);
      await s.satisfaction.respondToIncident(
        'INC-7',
        { answers: { rating: 2 }, comment: 'It broke again' },
        as(ALICE),
      );
      const rows = await s
        .knex('itsm_survey_responses')
        .orderBy('cycle')
        .select('cycle', 'rating', 'respondent');
      expect(rows.map(r => [Number(r.cycle), Number(r.rating)])).toEqual([
        [1, 4],
        [2, 2],
      ]);
    });

    it('asks nobody when the reporter resolved it, or the sample leaves the cycle out', async () => {
      const s = await setup(databaseId, { sampleRate: 0.5 });
      await resolveEvents(s.knex, 7, [3, 6, 9, 12, 15, 18]);
      await s.satisfaction.incidentResolved({ ...resolved(3), actor: ALICE });
      expect(s.send).not.toHaveBeenCalled();
      const expected: number[] = [];
      for (const [i, version] of [3, 6, 9, 12, 15, 18].entries()) {
        const cycle = i + 1;
        if (isInvitationSampled('INC-7', cycle, 0.5)) expected.push(cycle);
        await s.satisfaction.incidentResolved(resolved(version));
      }
      const cycles = await s
        .knex('itsm_survey_invitations')
        .orderBy('cycle')
        .pluck('cycle');
      expect(cycles.map(Number)).toEqual(expected);
      expect(expected.length).toBeGreaterThan(0);
      expect(expected.length).toBeLessThan(6);
    });

    it('imports a rating with the invitation it answers, whatever the sample says', async () => {
      const s = await setup(databaseId, { sampleRate: 0 });
      await resolveEvents(s.knex, 7, [3, 6]);
      await s.satisfaction.incidentResolved(resolved(6));
      expect(await s.knex('itsm_survey_invitations')).toEqual([]);
      const response = await s.satisfaction.importIncidentRating(
        'INC-7',
        { answers: { rating: 5 } },
        as(ALICE),
      );
      expect(response).toMatchObject({ rating: 5, respondent: ALICE });
      const [invitation] = await s.knex('itsm_survey_invitations');
      // The latest resolution: the second cycle.
      expect(Number(invitation.cycle)).toBe(2);
      expect(Boolean(invitation.answered)).toBe(true);
      await expect(
        s.satisfaction.importIncidentRating(
          'INC-7',
          { answers: { rating: 4 } },
          as(ALICE),
        ),
      ).rejects.toMatchObject({ name: 'ConflictError' });
    });

    it('expires an invitation to rate a resolution after the configured days', async () => {
      const s = await setup(databaseId);
      await resolveEvents(s.knex, 7, [3]);
      await s.satisfaction.incidentResolved(resolved(3));
      s.clock.now = new Date(s.clock.now.getTime() + 14 * DAY + 1);
      await expect(
        s.satisfaction.respondToIncident(
          'INC-7',
          { answers: { rating: 5 } },
          as(ALICE),
        ),
      ).rejects.toThrow(/expired/);
      expect(
        (await s.satisfaction.invitations({ state: 'all' }, as(ALICE))).items,
      ).toEqual([expect.objectContaining({ state: 'expired' })]);
      expect((await s.satisfaction.invitations({}, as(ALICE))).items).toEqual(
        [],
      );
    });

    it('lets only managers write campaigns, and an open campaign change only its closing time', async () => {
      const s = await setup(databaseId);
      await expect(
        s.surveys.create(
          {
            title: 'x',
            description: '',
            entityRef: PAYMENTS,
            templateId: 'service-satisfaction',
            anonymous: false,
            audience: { slaCustomers: true, consumerOwners: true, extra: [] },
          },
          as(ERIN),
        ),
      ).rejects.toMatchObject({ name: 'NotAllowedError' });
      // The permission is not enough: only the service's owners run its campaigns.
      await expect(
        s.surveys.create(
          {
            title: 'x',
            description: '',
            entityRef: PAYMENTS,
            templateId: 'service-satisfaction',
            anonymous: false,
            audience: { slaCustomers: true, consumerOwners: true, extra: [] },
          },
          as(ALICE),
        ),
      ).rejects.toThrow(/only owners of/);
      const survey = await openCampaign(s);
      await expect(
        s.surveys.patch(
          survey.id,
          { title: 'Renamed' },
          { ...as(OLIVIA), ifMatch: `"${survey.version}"` },
        ),
      ).rejects.toThrow(/only closesAt may change/);
      // Stale before the 409.
      await expect(
        s.surveys.patch(
          survey.id,
          { title: 'Renamed' },
          { ...as(OLIVIA), ifMatch: '"1"' },
        ),
      ).rejects.toMatchObject({ name: 'PreconditionFailedError' });
      const longer = await s.surveys.patch(
        survey.id,
        { closesAt: '2027-03-15T00:00:00.000Z' },
        { ...as(OLIVIA), ifMatch: `"${survey.version}"` },
      );
      expect(longer).toMatchObject({
        version: survey.version + 1,
        closesAt: '2027-03-15T00:00:00.000Z',
      });
      const history = await s.surveys.history(
        survey.id,
        { limit: 50 },
        as(ALICE),
      );
      expect(history.items.map(e => e.action)).toEqual([
        'create',
        'transition',
        'update',
      ]);
      expect(history.items[1]).toMatchObject({
        changes: { status: ['draft', 'open'] },
        comment: 'Invited 4',
      });
    });
  });
});
