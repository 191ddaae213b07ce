import type { ItsmImprovementImporter } from '@backstage-itsm/plugin-itsm-node';
import { improvementCreateSchema } from '@backstage-itsm/plugin-itsm-common';
import { PLUGIN_SUBJECT, RequestContext } from '../../records/context';
import type { RecordLinkService } from '../../records/links';
import { parseInput } from '../../records/validation';
import type { ImprovementService } from './ImprovementService';

/**
 * Improvement writes of a trusted import through a quiet service (its own clock, no permission
 * checks, sources read as the plugin): each write at the item's current version. Links go
 * through the kernel's link service with the import's record types and clock.
 */
export function improvementImporter(
  improvements: ImprovementService,
  as: (actor: string) => RequestContext,
  links: RecordLinkService,
): ItsmImprovementImporter {
  const write = async (id: string, actor: string) => ({
    ...as(actor),
    expectedVersion: (await improvements.get(id, as(PLUGIN_SUBJECT))).version,
  });
  return {
    create: (input, actor) =>
      improvements.create(
        parseInput(improvementCreateSchema, input, 'body'),
        as(actor),
      ),
    get: id => improvements.get(id, as(PLUGIN_SUBJECT)),
    patch: async (id, body, actor) =>
      improvements.patch(id, body, await write(id, actor)),
    transition: async (id, body, actor) =>
      improvements.transition(id, body, await write(id, actor)),
    evaluate: async (id, actor) =>
      improvements.evaluate(id, await write(id, actor)),
    evaluateDue: async () => (await improvements.evaluateDue()).evaluated,
    propose: (input, sourceKey) => improvements.propose(input, sourceKey),
    link: (id, body, actor) =>
      links.create(improvements.linkable(), id, body, as(actor)),
  };
}
