import { InputError } from '@backstage/errors';
import type { RecordLinkRelation } from '@backstage-itsm/plugin-itsm-common';
import { Knex } from 'knex';
import type { RequestContext } from './context';
import type { LinkableRecordType, RecordLinkService } from './links';

/**
 * A record naming a record of another practice in one of its fields (a post-incident or
 * post-implementation review's problem, the problem an incident on hold waits for): the
 * practice owning the named records resolves the id for the caller (400 naming the field when
 * unknown or unreadable) and the reference becomes a record link, made once.
 */
export interface ReferenceLinks {
  resolve(id: string, field: string, ctx: RequestContext): Promise<number>;
  /** Links `from` to the named record, unless they are linked already. */
  link(options: {
    from: LinkableRecordType;
    fromSeq: number;
    toSeq: number;
    relation: RecordLinkRelation;
    note: string;
    actor: string;
  }): Promise<void>;
}

/**
 * Where practices find the {@link ReferenceLinks} of a kind of record once its practice has
 * registered them; before that (or without that practice), naming such a record is a 400.
 */
export class ReferenceLinkRegistry implements ReferenceLinks {
  readonly #noun: string;
  #links?: ReferenceLinks;

  constructor(noun: string) {
    this.#noun = noun;
  }

  use(links: ReferenceLinks): void {
    this.#links = links;
  }

  async resolve(id: string, field: string, ctx: RequestContext) {
    if (!this.#links) {
      throw new InputError(`${field}: ${this.#noun} records are not available`);
    }
    return this.#links.resolve(id, field, ctx);
  }

  async link(options: Parameters<ReferenceLinks['link']>[0]) {
    await this.#links?.link(options);
  }
}

/**
 * The {@link ReferenceLinks} of a practice's records: a named id resolves when the caller may
 * read the record (else a 400 naming the field: "<field>: <noun> '<id>' does not exist"), and
 * the reference becomes a link from the naming record, made once (a link made meanwhile by
 * someone else is what was asked for).
 */
export function recordReferenceLinks(options: {
  /** How the 400 names the record, e.g. `problem`. */
  noun: string;
  /** The record's sequence number when the caller may read it, else undefined. */
  readableSeq(id: string, ctx: RequestContext): Promise<number | undefined>;
  /** The practice's record type as links take it. */
  linkable(): LinkableRecordType;
  links: RecordLinkService;
  db: Knex;
}): ReferenceLinks {
  return {
    async resolve(id, field, ctx) {
      const seq = await options.readableSeq(id, ctx);
      if (seq === undefined) {
        throw new InputError(
          `${field}: ${options.noun} '${id}' does not exist`,
        );
      }
      return seq;
    },
    async link({ from, fromSeq, toSeq, relation, note, actor }) {
      try {
        await options.db.transaction(tx =>
          options.links.insertOnce(tx, {
            from,
            fromSeq,
            to: options.linkable(),
            toSeq,
            relation,
            note,
            actor: actor.toLocaleLowerCase('en-US'),
          }),
        );
      } catch (error) {
        if ((error as Error).name !== 'ConflictError') throw error;
      }
    },
  };
}
