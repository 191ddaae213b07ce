import { AuthService } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';

/**
 * Catalog reads made on behalf of a record. They use the plugin's own service
 * credentials, so the answer does not depend on who asks.
 */
export class ItsmCatalog {
  readonly #catalog: CatalogService;
  readonly #auth: AuthService;

  constructor(options: { catalog: CatalogService; auth: AuthService }) {
    this.#catalog = options.catalog;
    this.#auth = options.auth;
  }

  async getEntity(entityRef: string): Promise<Entity | undefined> {
    return this.#catalog.getEntityByRef(entityRef, {
      credentials: await this.#auth.getOwnServiceCredentials(),
    });
  }

  /** The entities in the order of `entityRefs`, `undefined` where one does not exist. */
  async getEntities(entityRefs: string[]): Promise<Array<Entity | undefined>> {
    if (entityRefs.length === 0) {
      return [];
    }
    const { items } = await this.#catalog.getEntitiesByRefs(
      { entityRefs },
      { credentials: await this.#auth.getOwnServiceCredentials() },
    );
    return items.map(item => item ?? undefined);
  }
}
