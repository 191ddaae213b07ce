import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import type { ActionContext } from '@backstage/plugin-scaffolder-node';

/** The user running the template in the tests. */
export const INITIATOR = 'user:default/priya.sharma';

/**
 * A scaffolder action context as the task runner builds it: outputs are collected, checkpoints
 * are remembered in `checkpoints` (pass the same map again to replay a retried task), and the
 * initiator is {@link INITIATOR}.
 */
export function createActionContext(options: {
  input: unknown;
  isDryRun?: boolean;
  credentials?: BackstageCredentials;
  checkpoints?: Map<string, unknown>;
}) {
  const outputs: Record<string, unknown> = {};
  const checkpoints = options.checkpoints ?? new Map<string, unknown>();
  const logger = mockServices.logger.mock();
  const ctx: ActionContext<any, any> = {
    input: options.input as any,
    logger,
    workspacePath: '/tmp/itsm-scaffolder-test',
    task: { id: 'task-1' },
    isDryRun: options.isDryRun,
    output(name, value) {
      outputs[name as string] = value;
    },
    async checkpoint({ key, fn }) {
      if (checkpoints.has(key)) {
        return checkpoints.get(key) as any;
      }
      const value = await fn();
      checkpoints.set(key, JSON.parse(JSON.stringify(value ?? {})));
      return value;
    },
    createTemporaryDirectory: jest.fn(),
    getInitiatorCredentials: async () =>
      options.credentials ?? mockCredentials.user(INITIATOR),
  };
  return { ctx, outputs, logger, checkpoints };
}
