import {
  AuditorService,
  AuditorServiceCreateEventOptions,
} from '@backstage/backend-plugin-api';

type Meta = NonNullable<AuditorServiceCreateEventOptions['meta']>;

/**
 * Runs `fn` as an audited operation: records the event, then its success
 * (with `successMeta` of the result) or its failure, and rethrows failures.
 */
export async function withAudit<T>(
  auditor: AuditorService,
  options: AuditorServiceCreateEventOptions & {
    successMeta?: (result: T) => Meta;
  },
  fn: () => Promise<T>,
): Promise<T> {
  const { successMeta, ...eventOptions } = options;
  const event = await auditor.createEvent(eventOptions);
  try {
    const result = await fn();
    await event.success(
      successMeta ? { meta: successMeta(result) } : undefined,
    );
    return result;
  } catch (error) {
    await event.fail({ error: error as Error });
    throw error;
  }
}
