import { InputError, NotFoundError } from '@backstage/errors';
import {
  RecordLink,
  parseRecordId,
  recordLinkCreateSchema,
} from '@backstage-itsm/plugin-itsm-common';
import type { RecordLinkService } from '../../records/links';
import type { ReferenceLinks } from '../../records/referenceLinks';
import { parseInput } from '../../records/validation';
import { ImprovementItems, lowerRef } from './ImprovementItems';
import { improvementRecordType } from './improvementRecordType';

/**
 * Links of items to other records beyond those made on create: the references other
 * practices hold to an item (a breach's `improvementId`) and the links of a trusted import.
 * The kernel's link routes make every other link.
 */
export class ImprovementLinks {
  readonly #items: ImprovementItems;
  readonly #links: RecordLinkService;

  constructor(options: { items: ImprovementItems; links: RecordLinkService }) {
    this.#items = options.items;
    this.#links = options.links;
  }

  /** See {@link ImprovementService.references}. */
  references(): ReferenceLinks {
    return {
      resolve: async (improvementId, field, ctx) => {
        const seq = await this.#items.readableSeq(improvementId, ctx);
        if (seq === undefined) {
          throw new InputError(
            `${field}: improvement '${improvementId}' does not exist`,
          );
        }
        return seq;
      },
      link: async ({ from, fromSeq, toSeq, relation, note, actor }) => {
        const existing = await this.#links.linksOf(
          improvementRecordType.recordType,
          toSeq,
          { otherType: from.table.type.recordType },
        );
        if (existing.some(l => l.fromSeq === fromSeq || l.toSeq === fromSeq)) {
          return;
        }
        try {
          await this.#items.store.db.transaction(tx =>
            this.#links.insert(tx, {
              from,
              fromSeq,
              to: this.#items.linkable(),
              toSeq,
              relation,
              note,
              actor: lowerRef(actor),
            }),
          );
        } catch (error) {
          // Linked meanwhile by someone else: the link is there, which is what was asked.
          if ((error as Error).name !== 'ConflictError') throw error;
        }
      },
    };
  }

  /** See {@link ImprovementService.importLink}. */
  async importLink(
    id: string,
    body: unknown,
    actor: string,
  ): Promise<RecordLink> {
    const input = parseInput(recordLinkCreateSchema, body, 'body');
    const seq = improvementRecordType.parse(id);
    const target = parseRecordId(input.to)!;
    const type = this.#links
      .collections()
      .find(c => c.type.table.type.prefix === target.prefix)?.type;
    if (seq === undefined || !(await this.#items.store.getImprovement(seq))) {
      throw new NotFoundError(`Improvement '${id}' not found`);
    }
    if (!type) {
      throw new InputError(`to: unknown record '${input.to}'`);
    }
    try {
      return await this.#items.store.db.transaction(tx =>
        this.#links.insert(tx, {
          from: this.#items.linkable(),
          fromSeq: seq,
          to: type,
          toSeq: target.seq,
          relation: input.relation,
          note: input.note ?? null,
          actor: lowerRef(actor),
          at: this.#items.now(),
        }),
      );
    } catch (error) {
      if ((error as Error).name === 'NotFoundError') {
        throw new InputError(`to: unknown record '${input.to}'`);
      }
      throw error;
    }
  }
}
