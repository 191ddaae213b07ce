import {
  HistoryEventRecord,
  NewHistoryEvent,
  StorePage,
} from '../../records/types';

/** The fields of a standard change template as stored. */
export interface ChangeTemplateFields {
  title: string;
  description: string;
  /** Group ref, lowercase. */
  owner: string;
  /** Lowercase entity refs; empty = any entity. */
  entityRefs: string[];
  implementationPlan: string;
  backoutPlan: string;
  testPlan: string;
  durationMinutes: number;
  active: boolean;
}

/** A stored template. */
export interface ChangeTemplateRecord extends ChangeTemplateFields {
  seq: number;
  version: number;
  createdAt: Date;
  createdBy: string;
  updatedAt: Date;
}

/** Persistence of standard change templates; every write appends its history event. */
export interface ChangeTemplateStore {
  createTemplate(options: {
    template: ChangeTemplateFields;
    createdAt: Date;
    createdBy: string;
    event: NewHistoryEvent;
  }): Promise<ChangeTemplateRecord>;

  getTemplate(seq: number): Promise<ChangeTemplateRecord | undefined>;

  /** Templates usable on any of `entityRefs` (or on every entity), newest first. */
  listTemplates(options: {
    entityRefs?: string[];
    active?: boolean;
    limit: number;
    cursor?: string;
  }): Promise<StorePage<ChangeTemplateRecord>>;

  /** Applies an edit if the template is still at `expectedVersion`; else `PreconditionFailedError`. */
  updateTemplate(options: {
    seq: number;
    expectedVersion: number;
    changes: Partial<ChangeTemplateFields>;
    event: NewHistoryEvent;
  }): Promise<ChangeTemplateRecord>;

  listHistory(options: {
    seq: number;
    limit: number;
    cursor?: string;
  }): Promise<StorePage<HistoryEventRecord>>;
}
