import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { NotAllowedError, NotFoundError } from '@backstage/errors';
import {
  AuthorizeResult,
  PolicyDecision,
  createPermission,
} from '@backstage/plugin-permission-common';
import { PLUGIN_SUBJECT } from './context';
import { RecordAccess, ifReadable } from './access';
import { rulesetOf } from './permissionQuery';

const read = createPermission({
  name: 'itsm.test.read',
  attributes: { action: 'read' },
  resourceType: 'itsm-test',
});
const approve = createPermission({
  name: 'itsm.test.approve',
  attributes: { action: 'update' },
  resourceType: 'itsm-test',
});

const ALICE = mockCredentials.user('user:default/alice');

/** Record access whose policy answers `decision` to every conditional question. */
function accessWith(decision: PolicyDecision) {
  const authorizeConditional = jest.fn(async () => [decision]);
  const access = new RecordAccess({
    permissions: mockServices.permissions.mock({ authorizeConditional }),
    ruleset: rulesetOf('itsm-test', []),
    read,
  });
  return { access, authorizeConditional };
}

describe('RecordAccess.requireUnconditional', () => {
  it('passes a caller allowed on every record', async () => {
    const { access } = accessWith({ result: AuthorizeResult.ALLOW });
    await expect(
      access.requireUnconditional(approve, ALICE),
    ).resolves.toBeUndefined();
  });

  it.each<[string, PolicyDecision]>([
    [
      'allowed on some records only',
      {
        result: AuthorizeResult.CONDITIONAL,
        pluginId: 'itsm',
        resourceType: 'itsm-test',
        conditions: { rule: 'IS_OWNER', resourceType: 'itsm-test', params: {} },
      },
    ],
    ['denied', { result: AuthorizeResult.DENY }],
  ])('refuses a caller %s (403)', async (_case, decision) => {
    const { access } = accessWith(decision);
    await expect(
      access.requireUnconditional(approve, ALICE),
    ).rejects.toMatchObject({
      name: 'NotAllowedError',
      message: 'Not allowed: itsm.test.approve',
    });
  });

  it('passes the plugin itself without asking the policy', async () => {
    const { access, authorizeConditional } = accessWith({
      result: AuthorizeResult.DENY,
    });
    await expect(
      access.requireUnconditional(
        approve,
        mockCredentials.service(PLUGIN_SUBJECT),
      ),
    ).resolves.toBeUndefined();
    expect(authorizeConditional).not.toHaveBeenCalled();
  });
});

describe('ifReadable', () => {
  it('gives what the read returns', async () => {
    expect(await ifReadable(async () => 7)).toBe(7);
  });

  it.each([new NotFoundError('IMP-9 not found'), new NotAllowedError('no')])(
    'gives undefined for a record unknown or hidden from the caller: %s',
    async error => {
      expect(
        await ifReadable(async () => {
          throw error;
        }),
      ).toBeUndefined();
    },
  );

  it('throws anything else', async () => {
    await expect(
      ifReadable(async () => {
        throw new Error('database down');
      }),
    ).rejects.toThrow('database down');
  });
});
