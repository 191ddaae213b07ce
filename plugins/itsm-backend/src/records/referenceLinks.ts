import { InputError } from '@backstage/errors';
import type { RecordLinkRelation } from '@backstage-itsm/plugin-itsm-common';
import type { RequestContext } from './context';
import type { LinkableRecordType } from './links';

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
