import { formatRecordId } from '../records/recordIds';

/** The plans a standard change takes from its template. @public */
export const STANDARD_PLAN_FIELDS = [
  'implementationPlan',
  'backoutPlan',
  'testPlan',
] as const;

type Plans = Record<(typeof STANDARD_PLAN_FIELDS)[number], string | null>;

/**
 * Where a standard change leaves the pre-approved template it came from, as
 * `{ field, message }` for a 400; undefined when it stays inside. A template that lists
 * entities covers only those; a plan the template defines is the change's plan (a plan the
 * template leaves empty may be written on the change).
 *
 * @public
 */
export function standardChangeDeviation(
  change: Plans & { entityRefs: readonly string[] },
  template: Plans & { seq: number; entityRefs: readonly string[] },
): { field: string; message: string } | undefined {
  const id = formatRecordId('STD', template.seq);
  if (template.entityRefs.length > 0) {
    const uncovered = change.entityRefs.filter(
      ref => !template.entityRefs.includes(ref),
    );
    if (uncovered.length > 0) {
      return {
        field: 'entityRefs',
        message: `template ${id} does not cover ${uncovered.join(', ')}`,
      };
    }
  }
  for (const field of STANDARD_PLAN_FIELDS) {
    const planned = template[field];
    if (planned && change[field] !== planned) {
      return {
        field,
        message: `a standard change follows the ${field} of template ${id}`,
      };
    }
  }
  return undefined;
}

/**
 * Why a standard change may not be scheduled from its template version any more (a 409), or
 * undefined when the template is active and unchanged since the change was raised.
 *
 * @public
 */
export function standardTemplateRefusal(
  change: { templateVersion: number | null },
  template: { seq: number; version: number; active: boolean } | undefined,
): string | undefined {
  if (!template) {
    return 'The template of this standard change no longer exists';
  }
  const id = formatRecordId('STD', template.seq);
  if (!template.active) {
    return `Template ${id} is retired; a standard change from it is no longer pre-approved`;
  }
  if (change.templateVersion !== template.version) {
    return `Template ${id} changed since this change was raised (version ${change.templateVersion}, now ${template.version}); raise a new change from it`;
  }
  return undefined;
}
