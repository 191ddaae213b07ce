import type { ReviewPack } from '@backstage-itsm/plugin-itsm-common';

/** A pack of payments for October 2026 with something in every section. */
export function makeReviewPack(): ReviewPack {
  return {
    format: 1,
    header: {
      entityRef: 'component:default/payments',
      serviceTitle: 'Payments',
      sla: {
        id: 'SLA-2',
        revision: 3,
        title: 'Payments SLA',
        customerGroups: ['group:default/retail'],
      },
      period: {
        from: '2026-10-01T00:00:00.000Z',
        to: '2026-11-01T00:00:00.000Z',
      },
      generatedAt: '2026-11-02T09:00:00.000Z',
      generatorVersion: '1',
    },
    sections: {
      sla: {
        version: 1,
        overall: { met: 9, breached: 1, waived: 1, percent: 90 },
        targets: [
          {
            target: 'p1.resolution',
            priority: 1,
            clock: 'resolution',
            targetMs: 14_400_000,
            fromDefaults: 0,
            met: 9,
            breached: 1,
            waived: 1,
            percent: 90,
          },
        ],
        trend: [
          {
            label: '2026-09',
            from: '2026-09-01T00:00:00.000Z',
            to: '2026-10-01T00:00:00.000Z',
            met: 4,
            breached: 0,
            attainmentPercent: 100,
          },
          {
            label: '2026-10',
            from: '2026-10-01T00:00:00.000Z',
            to: '2026-11-01T00:00:00.000Z',
            met: 9,
            breached: 1,
            attainmentPercent: 90,
          },
        ],
      },
      availability: {
        version: 1,
        targetPercent: 99.9,
        percent: 99.87,
        met: false,
        serviceMs: 2_678_400_000,
        outageMs: 3_600_000,
        trend: [
          { label: '2026-09', percent: 100 },
          { label: '2026-10', percent: 99.87 },
        ],
      },
      workload: {
        version: 1,
        items: [
          {
            metric: 'incidentsPerMonth',
            actual: 60,
            limit: 50,
            exceeded: true,
          },
          {
            metric: 'changesPerMonth',
            actual: 4,
            limit: null,
            exceeded: false,
          },
        ],
      },
      breaches: {
        version: 1,
        total: 2,
        waived: 1,
        causes: {
          total: 2,
          items: [
            { cause: 'Failover took too long', count: 1 },
            { cause: null, count: 1 },
          ],
        },
        items: {
          total: 2,
          items: [
            {
              id: 'BRE-7',
              recordId: 'INC-3',
              priority: 1,
              clock: 'resolution',
              breachedAt: '2026-10-05T10:00:00.000Z',
              cause: 'Failover took too long',
              action: 'Automate the failover',
              waived: false,
            },
          ],
        },
      },
      incidents: {
        version: 1,
        raised: 60,
        resolved: 58,
        byPriority: [
          { priority: 1, count: 1 },
          { priority: 2, count: 4 },
          { priority: 3, count: 55 },
          { priority: 4, count: 0 },
          { priority: 5, count: 0 },
        ],
        byStatus: [
          { status: 'new', count: 0 },
          { status: 'in_progress', count: 2 },
          { status: 'on_hold', count: 0 },
          { status: 'resolved', count: 3 },
          { status: 'closed', count: 55 },
          { status: 'cancelled', count: 1 },
        ],
        major: {
          total: 53,
          items: [
            {
              id: 'INC-3',
              title: 'Checkout down',
              priority: 1,
              status: 'closed',
              createdAt: '2026-10-05T06:00:00.000Z',
              resolvedAt: '2026-10-05T07:00:00.000Z',
              outageStart: '2026-10-05T06:00:00.000Z',
              outageEnd: '2026-10-05T07:00:00.000Z',
              review: {
                summary: 'The **database** failed over.',
                rootCause: 'A full disk',
                lessonsLearned: null,
                problemId: 'PRB-1',
              },
            },
          ],
        },
      },
      problems: {
        version: 1,
        opened: 1,
        resolved: 0,
        open: 1,
        items: {
          total: 1,
          items: [
            {
              id: 'PRB-1',
              title: 'Failover is slow',
              status: 'investigating',
              priority: 2,
              createdAt: '2026-10-06T00:00:00.000Z',
              resolvedAt: null,
            },
          ],
        },
        knownErrors: {
          total: 1,
          items: [
            {
              id: 'KE-1',
              title: 'Pool exhausted under load',
              createdAt: '2026-10-02T00:00:00.000Z',
              reviewBy: '2027-01-31',
            },
          ],
        },
      },
      changes: {
        version: 1,
        closed: 4,
        successful: 3,
        percent: 75,
        targetPercent: 90,
        met: false,
        byOutcome: [
          { outcome: 'successful', count: 3 },
          { outcome: 'successful_with_issues', count: 0 },
          { outcome: 'failed', count: 0 },
          { outcome: 'backed_out', count: 1 },
        ],
        failed: {
          total: 1,
          items: [
            {
              id: 'CHG-4',
              title: 'Upgrade the driver',
              type: 'normal',
              outcome: 'backed_out',
              closedAt: '2026-10-08T00:00:00.000Z',
            },
          ],
        },
      },
      satisfaction: {
        version: 1,
        available: true,
        targetPercent: 80,
        met: true,
        figures: {
          ratings: 6,
          csatPercent: 83.33,
          meanRating: 4.17,
          npsAnswers: 3,
          nps: 33.33,
          tooFew: false,
          invited: 9,
          responses: 6,
          responseRatePercent: 66.67,
        },
        trend: [
          {
            label: '2026-10',
            from: '2026-10-01T00:00:00.000Z',
            to: '2026-11-01T00:00:00.000Z',
            ratings: 6,
            csatPercent: 83.33,
            meanRating: 4.17,
            npsAnswers: 3,
            nps: 33.33,
            tooFew: false,
            invited: 9,
            responses: 6,
            responseRatePercent: 66.67,
          },
        ],
        comments: {
          items: [
            {
              at: '2026-10-09T00:00:00.000Z',
              rating: 2,
              nps: null,
              comment: 'Took a day to answer',
              source: { type: 'incident', id: 'INC-5' },
            },
          ],
          more: true,
        },
      },
      complaints: {
        version: 1,
        available: true,
        raised: 1,
        open: 1,
        resolved: 0,
        escalated: 1,
        items: [
          {
            id: 'CMP-1',
            title: 'Nobody called back',
            status: 'investigating',
            owner: 'user:default/ann',
            raisedAt: '2026-10-14T10:00:00.000Z',
            resolvedAt: null,
            closedAt: null,
            escalated: true,
          },
        ],
        cap: 50,
      },
      alignment: {
        version: 1,
        slaId: 'SLA-2',
        agreements: [
          { id: 'OLA-1', kind: 'ola', title: 'DBA on call', aligned: false },
        ],
        findings: [
          {
            agreementId: 'OLA-1',
            field: 'targets.incidents.p1.response',
            slaField: 'targets.incidents.p1.response',
            message: "OLA-1 P1 response target is looser than SLA-2's",
          },
        ],
      },
      actions: {
        version: 1,
        items: {
          total: 1,
          items: [
            {
              reviewId: 'REV-1',
              id: 'REV-1/A-1',
              title: 'Add a read replica',
              owner: 'user:default/bob',
              dueDate: '2026-11-15',
              status: 'in_progress',
            },
          ],
        },
      },
    },
  };
}
