import { LoggerService } from '@backstage/backend-plugin-api';
import { ServiceUnavailableError } from '@backstage/errors';
import {
  IMPROVEMENT_KPI_DEFINITIONS,
  Improvement,
  ImprovementKpi,
  checkImprovementEvaluable,
  improvementMeasurementWindow,
  improvementVerdict,
} from '@backstage-itsm/plugin-itsm-common';
import { PLUGIN_SUBJECT, WriteContext, actorOf } from '../../records/context';
import { expectedVersionOf, unlessStale } from '../../records/versions';
import type { KpiMeasurer } from './measure';
import { evaluationSummary } from './improvementEvaluation';
import {
  IMPROVEMENT_BATCH,
  ImprovementItems,
  lowerRef,
} from './ImprovementItems';
import { improvementRecordType } from './improvementRecordType';
import type {
  ImprovementFigureRecord,
  ImprovementRecord,
} from './ImprovementStore';

/** What one pass of the evaluation job did: the items it evaluated, skipped and failed. */
export interface ImprovementEvaluationRun {
  /** Measured and moved to evaluated. */
  evaluated: string[];
  /** Written meanwhile by someone else (another replica): left to them. */
  skipped: string[];
  /** Their measurement failed; tried again on the next run. */
  failed: string[];
}

/**
 * An item's KPI measured on its services: the baseline frozen at approval, and the
 * measurement that evaluates an implemented item against it once its window is over (on
 * request, or by the evaluation job as the plugin). A failed measurement writes nothing.
 */
export class ImprovementEvaluator {
  readonly #items: ImprovementItems;
  readonly #measurer: KpiMeasurer;
  readonly #logger: LoggerService;

  constructor(options: {
    items: ImprovementItems;
    measurer: KpiMeasurer;
    logger: LoggerService;
  }) {
    this.#items = options.items;
    this.#measurer = options.measurer;
    this.#logger = options.logger;
  }

  /** See {@link ImprovementService.evaluate}. */
  async evaluate(id: string, ctx: WriteContext): Promise<Improvement> {
    const expected = expectedVersionOf(ctx, improvementRecordType.noun);
    const record = await this.#items.readable(id, ctx);
    await this.#items.access.requireUpdate(record, ctx.credentials);
    const now = this.#items.now();
    await unlessStale(
      record,
      expected,
      () => evaluableWindow(record, now),
      improvementRecordType.prefix,
    );
    return this.#evaluate(record, {
      expected: expected ?? record.version,
      now,
      actor: lowerRef(actorOf(ctx.credentials)),
    });
  }

  /** See {@link ImprovementService.evaluateDue}. */
  async evaluateDue(now: Date): Promise<ImprovementEvaluationRun> {
    const run: ImprovementEvaluationRun = {
      evaluated: [],
      skipped: [],
      failed: [],
    };
    let afterSeq = 0;
    for (;;) {
      const page = await this.#items.store.listImplementedWithKpi({
        afterSeq,
        limit: IMPROVEMENT_BATCH,
      });
      const due = page.filter(record => {
        const window = improvementMeasurementWindow({
          kpi: record.kpi,
          implementedAt: record.implementedAt?.toISOString() ?? null,
        });
        return window !== null && window.to.getTime() <= now.getTime();
      });
      for (const record of due) {
        const id = improvementRecordType.id(record.seq);
        try {
          await this.#evaluate(record, {
            expected: record.version,
            now,
            actor: PLUGIN_SUBJECT,
          });
          run.evaluated.push(id);
        } catch (error) {
          if ((error as Error).name === 'PreconditionFailedError') {
            run.skipped.push(id);
          } else {
            this.#logger.warn(`Could not evaluate ${id}: ${error}`);
            run.failed.push(id);
          }
        }
      }
      if (page.length < IMPROVEMENT_BATCH) break;
      afterSeq = page[page.length - 1].seq;
    }
    return run;
  }

  /** The KPI over `window` on the item's services; a failure is a 503 that writes nothing. */
  async measure(
    record: ImprovementRecord,
    window: { from: Date; to: Date },
    now: Date,
    what: 'baseline' | 'measurement',
  ): Promise<ImprovementFigureRecord> {
    const kpi = record.kpi as ImprovementKpi;
    let result;
    try {
      result = await this.#measurer.measure({
        kpi,
        entityRefs: record.entityRefs,
        from: window.from,
        to: window.to,
      });
    } catch (error) {
      if ((error as Error)?.name === 'InputError') throw error;
      throw new ServiceUnavailableError(
        `The ${what} of ${
          kpi.kpi
        } could not be measured, nothing was written: ${
          (error as Error)?.message ?? error
        }`,
      );
    }
    return {
      from: window.from,
      to: window.to,
      value: result.value,
      n: result.n,
      unit: IMPROVEMENT_KPI_DEFINITIONS[kpi.kpi].unit,
      measuredAt: now,
    };
  }

  async #evaluate(
    record: ImprovementRecord,
    options: { expected: number; now: Date; actor: string },
  ): Promise<Improvement> {
    const { now, actor } = options;
    const window = evaluableWindow(record, now);
    const kpi = record.kpi!;
    const measured = await this.measure(record, window, now, 'measurement');
    const baseline = record.baseline;
    const { verdict, goal } = improvementVerdict({
      kind: IMPROVEMENT_KPI_DEFINITIONS[kpi.kpi].kind,
      direction: kpi.direction,
      target: kpi.target,
      baseline: baseline
        ? { value: baseline.value, n: baseline.n }
        : { value: null, n: 0 },
      measured: { value: measured.value, n: measured.n },
    });
    const item = await this.#items.write(record, {
      changes: {
        status: 'evaluated',
        measured,
        goal,
        verdict,
        evaluation: evaluationSummary({
          kpi,
          baseline,
          measured,
          goal,
          verdict,
        }),
        evaluatedAt: now,
      },
      expected: options.expected,
      now,
      actor,
      action: 'evaluate',
      always: true,
    });
    if (item.owner) {
      await this.#items.notify(item, item.owner, {
        what: 'evaluated',
        title: `Improvement ${item.id} evaluated: ${verdict.replace('_', ' ')}`,
        description: item.evaluation ?? '',
      });
    }
    return item;
  }
}

/** The measurement window of a stored item evaluated at `now`; 409 unless it is due. */
function evaluableWindow(
  record: ImprovementRecord,
  now: Date,
): { from: Date; to: Date } {
  return checkImprovementEvaluable(
    {
      status: record.status,
      kpi: record.kpi,
      implementedAt: record.implementedAt?.toISOString() ?? null,
    },
    now,
  );
}
