import { ConflictError, InputError } from '@backstage/errors';
import {
  FINAL_INCIDENT_STATUSES,
  IncidentCategoryTaxonomy,
  Priority,
  ServiceTier,
  priorityOf,
  validateIncidentCategory,
} from '@backstage-itsm/plugin-itsm-common';
import { z } from 'zod';
import { incidentPatchSchema } from '@backstage-itsm/plugin-itsm-common';
import { canonicalEntityRef } from '../../catalog/entities';
import type {
  IncidentFields,
  IncidentRecord,
  RecordEntity,
  SlaClockRecord,
} from './IncidentStore';
import { changedFields, historyChanges } from './incidentChanges';
import { ResolvedClockTarget, retargetClocks } from './incidentClocks';
import type { PlannedWrite } from './incidentTransition';
import { parseIncidentId } from './incidentViews';

/** A validated PATCH body. */
export type IncidentPatchInput = z.output<typeof incidentPatchSchema>;

/** Longest parent chain followed when checking for cycles. */
const MAX_PARENT_DEPTH = 20;

/** What planning a PATCH needs from the rest of the system. */
export interface PatchContext {
  now: Date;
  actor: string;
  priorityMatrix: number[][];
  /** The controlled categories a category and subcategory in the PATCH must come from. */
  categories: IncidentCategoryTaxonomy;
  /** The service's tier and the calendar its clocks count in by default. */
  serviceOf(
    entityRef: string,
  ): Promise<{ tier?: ServiceTier; calendarId: string }>;
  targetsOf(
    priority: Priority,
    serviceCalendarId: string,
  ): Record<'response' | 'resolution', ResolvedClockTarget>;
  isMajorByCriteria(priority: Priority, tier?: ServiceTier): boolean;
  getIncident(seq: number): Promise<IncidentRecord | undefined>;
  /** Entities to attach as affected; throws `InputError` for unknown ones. */
  affectedEntities(refs: string[]): Promise<RecordEntity[]>;
  /** The change an incident names as its cause; throws `InputError` when it does not exist. */
  changeSeqOf(id: string | null): Promise<number | null>;
  /** The clocks' state (breach instants) as of now. */
  evaluate(clocks: SlaClockRecord[]): SlaClockRecord[];
  /** Whether the caller may read the incident (parents must be, or linking reveals them). */
  mayReadIncident(seq: number): Promise<boolean>;
}

/** A planned PATCH; `undefined` when it changes nothing. */
export type PlannedPatch = PlannedWrite & { entities?: RecordEntity[] };

function canonical(ref: string | null | undefined) {
  return ref === undefined || ref === null ? ref : canonicalEntityRef(ref);
}

function date(value: string | null | undefined) {
  return value === undefined || value === null ? value : new Date(value);
}

/**
 * Plans a PATCH of the editable fields: 409 for a closed or cancelled record,
 * 400 for values that do not fit; derives the priority from impact and
 * urgency, re-targets running clocks when it changes, and applies the major
 * incident criteria.
 */
export async function planPatch(
  record: IncidentRecord,
  input: IncidentPatchInput,
  ctx: PatchContext,
): Promise<PlannedPatch | undefined> {
  if (FINAL_INCIDENT_STATUSES.includes(record.status)) {
    throw new ConflictError(
      `The incident is ${record.status} and cannot change`,
    );
  }
  // Only a PATCH changing them checks them, so an incident with a legacy free-text category can
  // still be edited; the pair after the edit must fit the taxonomy (400 naming the field).
  const category =
    input.category === undefined ? record.category : input.category;
  const subcategory =
    input.subcategory === undefined ? record.subcategory : input.subcategory;
  if (category !== record.category || subcategory !== record.subcategory) {
    validateIncidentCategory(ctx.categories, category, subcategory);
  }
  const next: Partial<IncidentFields> = {
    title: input.title,
    description: input.description,
    category: input.category,
    subcategory: input.subcategory,
    assignee: canonical(input.assignee),
    assignmentGroup: canonical(input.assignmentGroup),
    incidentManager: canonical(input.incidentManager),
    impact: input.impact,
    urgency: input.urgency,
    major: input.major,
    outageStart: date(input.outageStart),
    outageEnd: date(input.outageEnd),
    postIncidentReview: input.postIncidentReview,
  };
  if (input.parentId !== undefined) {
    next.parentSeq = await parentSeqOf(record, input.parentId, ctx);
  }
  if (input.causedByChangeId !== undefined) {
    next.causedByChangeSeq = await ctx.changeSeqOf(input.causedByChangeId);
  }

  let entities: RecordEntity[] | undefined;
  if (input.affectedEntityRefs !== undefined) {
    const refs = [
      ...new Set(input.affectedEntityRefs.map(r => canonicalEntityRef(r))),
    ]
      .filter(ref => ref !== record.entityRef)
      .sort();
    // Unchanged refs need no catalog lookups and no rewrite of the entities.
    if (
      changedFields(record, { affectedEntityRefs: refs }).affectedEntityRefs
    ) {
      next.affectedEntityRefs = refs;
      entities = [
        {
          entityRef: record.entityRef,
          ownerRef: record.serviceOwnerRef,
          primary: true,
        },
        ...(await ctx.affectedEntities(refs)),
      ];
    }
  }

  const priority = priorityOf(
    next.impact ?? record.impact,
    next.urgency ?? record.urgency,
    ctx.priorityMatrix,
  );
  next.priority = priority;
  let clocks = record.clocks;
  let comment: string | undefined;
  if (priority !== record.priority) {
    const service = await ctx.serviceOf(record.entityRef);
    clocks = retargetClocks(
      ctx.evaluate(record.clocks),
      ctx.targetsOf(priority, service.calendarId),
      priority,
    );
    if (
      !record.major &&
      input.major === undefined &&
      ctx.isMajorByCriteria(priority, service.tier)
    ) {
      next.major = true;
      comment = `Major incident by criteria (P${priority})`;
    }
  }
  if (next.major && !record.major && !record.outageStart && !next.outageStart) {
    next.outageStart = record.createdAt;
  }
  checkOutage(
    next.outageStart === undefined ? record.outageStart : next.outageStart,
    next.outageEnd === undefined ? record.outageEnd : next.outageEnd,
  );

  const changes = changedFields(record, next);
  if (Object.keys(changes).length === 0) {
    return undefined;
  }
  const { affectedEntityRefs: _, ...columns } = changes;
  return {
    changes: columns,
    entities,
    clocks,
    event: {
      at: ctx.now,
      actor: ctx.actor,
      action: 'update',
      changes: historyChanges(record, changes),
      ...(comment ? { comment } : {}),
    },
  };
}

async function parentSeqOf(
  record: IncidentRecord,
  parentId: string | null,
  ctx: PatchContext,
): Promise<number | null> {
  if (parentId === null) {
    return null;
  }
  const parentSeq = parseIncidentId(parentId);
  if (parentSeq === undefined) {
    throw new InputError(`parentId: '${parentId}' is not an incident id`);
  }
  if (!(await ctx.mayReadIncident(parentSeq))) {
    throw new InputError(`parentId: incident '${parentId}' does not exist`);
  }
  // Walk up from the new parent: reaching this incident would make a cycle.
  let seq: number | null = parentSeq;
  for (let depth = 0; seq !== null && depth < MAX_PARENT_DEPTH; depth++) {
    if (seq === record.seq) {
      throw new InputError(
        `parentId: ${parentId} cannot be the parent of INC-${record.seq}; that would make a cycle`,
      );
    }
    const ancestor = await ctx.getIncident(seq);
    if (!ancestor) {
      throw new InputError(`parentId: incident '${parentId}' does not exist`);
    }
    seq = ancestor.parentSeq;
  }
  return parentSeq;
}

function checkOutage(start: Date | null, end: Date | null) {
  if (end && !start) {
    throw new InputError('outageEnd: an outage needs an outageStart');
  }
  if (start && end && end.getTime() < start.getTime()) {
    throw new InputError('outageEnd: must not be before outageStart');
  }
}
