import {
  IMPROVEMENTS_SIGNAL_CHANNEL,
  Improvement,
  improvementSignalChannel,
} from '@backstage-itsm/plugin-itsm-common';
import { ifReadable } from '../../records/access';
import type { RequestContext } from '../../records/context';
import { LinkableRecordType, linkableRecordType } from '../../records/links';
import type { RecordNotifier } from '../../records/notifier';
import { ownersOf } from '../../records/entities';
import { requireVersion } from '../../records/versions';
import type { ImprovementAccess } from './improvementPermissions';
import {
  improvementRecordType,
  improvementTable,
} from './improvementRecordType';
import type {
  ImprovementEntity,
  ImprovementFields,
  ImprovementRecord,
} from './ImprovementStore';
import type { KnexImprovementStore } from './KnexImprovementStore';
import { improvementChanges, toImprovement } from './improvementViews';

/** Items read per page by the evaluation job and the export. */
export const IMPROVEMENT_BATCH = 200;

/** A ref as the register stores it: lowercase. */
export const lowerRef = (ref: string) => ref.toLocaleLowerCase('en-US');

/** The link of an item's page, as notifications carry it. */
export const improvementLink = (id: string) => `/itsm/improvements/${id}`;

/** What one write of an item changes, as {@link ImprovementItems.write} takes it. */
export interface ImprovementWrite {
  changes: Partial<ImprovementFields>;
  entities?: ImprovementEntity[];
  expected: number | undefined;
  now: Date;
  actor: string;
  action: string;
  comment?: string;
  /** Write (bump the version, record the event) even when nothing changed. */
  always?: boolean;
}

/**
 * The register's items as every part of it reads and writes them: read as the caller may
 * (404 otherwise), written at the expected version with the history event of what changed,
 * then signalled; notifications to one recipient; the item as a linkable record type.
 */
export class ImprovementItems {
  readonly store: KnexImprovementStore;
  readonly access: ImprovementAccess;
  readonly #notifier: RecordNotifier;
  readonly #now: () => Date;

  constructor(options: {
    store: KnexImprovementStore;
    access: ImprovementAccess;
    notifier: RecordNotifier;
    now: () => Date;
  }) {
    this.store = options.store;
    this.access = options.access;
    this.#notifier = options.notifier;
    this.#now = options.now;
  }

  /** The register's clock. */
  now(): Date {
    return this.#now();
  }

  /** The stored item when the caller may read it; 404 otherwise. */
  async readable(id: string, ctx: RequestContext): Promise<ImprovementRecord> {
    return this.access.readable({
      id,
      label: 'Improvement',
      parse: improvementRecordType.parse,
      credentials: ctx.credentials,
      load: (seq, permissionFilter) =>
        this.store.getImprovement(seq, permissionFilter),
    });
  }

  /** The item's sequence number when the caller may read it, else undefined. */
  async readableSeq(
    id: string,
    ctx: RequestContext,
  ): Promise<number | undefined> {
    return (await ifReadable(() => this.readable(id, ctx)))?.seq;
  }

  /** Items take links; changing them needs `itsm.improvement.update` on the item. */
  linkable(): LinkableRecordType {
    return linkableRecordType({
      table: improvementTable,
      read: (id, ctx) => this.readable(id, ctx),
      access: this.access,
    });
  }

  /**
   * Writes changes over the item at the expected version with the history event of what
   * changed; a no-op (unless `always`) writes nothing.
   */
  async write(
    record: ImprovementRecord,
    options: ImprovementWrite,
  ): Promise<Improvement> {
    const { changes, entities, expected, now, actor } = options;
    const before = toImprovement(record, now);
    const after = toImprovement(
      {
        ...record,
        ...stripUndefined(changes),
        ...(entities ? entityColumns(entities) : {}),
      },
      now,
    );
    const diff = improvementChanges(before, after);
    if (Object.keys(diff).length === 0 && !options.always) {
      requireVersion(record, expected, improvementRecordType.prefix);
      return before;
    }
    const updated = await this.store.updateImprovement({
      seq: record.seq,
      expectedVersion: expected ?? record.version,
      changes,
      entities,
      at: now,
      event: {
        at: now,
        actor,
        action: options.action,
        changes: diff,
        ...(options.comment ? { comment: options.comment } : {}),
      },
    });
    const item = toImprovement(updated, now);
    await this.changed(item);
    return item;
  }

  /** Tells the item's owner (or another recipient) what happened to it. */
  async notify(
    item: Improvement,
    recipient: string,
    options: { what: string; title: string; description: string },
  ): Promise<void> {
    await this.#notifier.notify(
      `notify ${recipient} of ${item.id}`,
      { type: 'entity', entityRef: recipient },
      {
        title: options.title,
        description: options.description,
        link: improvementLink(item.id),
        severity: 'normal',
        topic: `itsm-improvement-${options.what}`,
        scope: `itsm:improvement:${item.id}:${options.what}`,
      },
    );
  }

  /** Signals the item's new version on its channel and the register's. */
  async changed(item: Pick<Improvement, 'id' | 'version'>): Promise<void> {
    await this.#notifier.changed({
      record: item,
      recordChannel: improvementSignalChannel(item.id),
      collectionChannel: IMPROVEMENTS_SIGNAL_CHANNEL,
    });
  }
}

/** The record's service columns for a set of services, the first one first. */
export function entityColumns(
  entities: ImprovementEntity[],
): Pick<ImprovementRecord, 'entityRefs' | 'entityOwnerRefs'> {
  return {
    entityRefs: entities.map(e => e.entityRef),
    entityOwnerRefs: ownersOf(entities),
  };
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(value).filter(([, v]) => v !== undefined),
  ) as Partial<T>;
}
