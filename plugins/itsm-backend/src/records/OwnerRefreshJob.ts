import { LoggerService } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { ownerRefOf } from '../catalog/entities';
import { KnexOwnerRefStore, OwnedEntityTable } from './ownerRefStore';

const PAGE = 200;

/** What one run changed. */
export interface OwnerRefreshResult {
  /** Rows whose stored owner was brought up to date, per table name. */
  updated: Record<string, number>;
}

/**
 * Keeps the owners stored on open records current with the catalog. Who may write an
 * incident or a change follows the owner stored on it (the permission conditions compile to
 * SQL over that column); after a re-org the old team would keep its rights and the new owner
 * get 404 until the record closed. Entities gone from the catalog keep their stored owner.
 * Closed records keep the owner they had: the record says who owned it then.
 */
export class OwnerRefreshJob {
  readonly #store: KnexOwnerRefStore;
  readonly #tables: readonly OwnedEntityTable[];
  readonly #catalog: {
    getEntities(refs: string[]): Promise<Array<Entity | undefined>>;
  };
  readonly #logger: LoggerService;

  constructor(options: {
    store: KnexOwnerRefStore;
    tables: readonly OwnedEntityTable[];
    catalog: {
      getEntities(refs: string[]): Promise<Array<Entity | undefined>>;
    };
    logger: LoggerService;
  }) {
    this.#store = options.store;
    this.#tables = options.tables;
    this.#catalog = options.catalog;
    this.#logger = options.logger;
  }

  async run(): Promise<OwnerRefreshResult> {
    const updated: Record<string, number> = {};
    for (const spec of this.#tables) {
      updated[spec.name] = await this.#refresh(spec);
    }
    return { updated };
  }

  /** Rows brought up to date in one table. */
  async #refresh(spec: OwnedEntityTable): Promise<number> {
    let changed = 0;
    let after: string | undefined;
    for (;;) {
      const refs = await this.#store.listEntityRefs(spec, {
        after,
        limit: PAGE,
      });
      if (refs.length === 0) {
        return changed;
      }
      after = refs[refs.length - 1];
      const entities = await this.#catalog.getEntities(refs);
      for (const [i, ref] of refs.entries()) {
        const entity = entities[i];
        if (!entity) {
          continue;
        }
        const owner = ownerRefOf(entity);
        // Only rows storing another owner are written.
        const rows = await this.#store.setOwner(spec, ref, owner);
        if (rows > 0) {
          changed += rows;
          this.#logger.info(
            `Owner of ${ref} on ${rows} open ${spec.name} records is now ${
              owner ?? 'none'
            }`,
          );
        }
      }
      if (refs.length < PAGE) {
        return changed;
      }
    }
  }
}
