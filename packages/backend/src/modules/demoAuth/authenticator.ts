import { NotAllowedError, InputError, NotFoundError } from '@backstage/errors';
import {
  createProxyAuthenticator,
  ProfileTransform,
  SignInResolver,
} from '@backstage/plugin-auth-node';

/** The request header that names the demo user to sign in as, e.g. `marcus.reed`. */
export const DEMO_USER_HEADER = 'x-itsm-demo-user';

/** What the demo authenticator hands on: the name of the chosen User entity. */
export type DemoAuthResult = {
  userName: string;
};

// The catalog's entity name rule (letters, digits and single `-_.` between them, at most 63).
const USER_NAME = /^[a-z0-9]+(?:[-_.][a-z0-9]+)*$/i;

/**
 * Reads the demo user from the request header. Refuses outside `NODE_ENV=development` unless
 * `auth.providers.demo.dangerouslyAllowOutsideDevelopment` is set, like the guest provider:
 * anybody who can reach the backend could otherwise sign in as anybody.
 */
export const demoAuthenticator = createProxyAuthenticator({
  defaultProfileTransform: async () => ({ profile: {} }),
  initialize({ config }) {
    return {
      allowed:
        process.env.NODE_ENV === 'development' ||
        config.getOptionalBoolean('dangerouslyAllowOutsideDevelopment') ===
          true,
    };
  },
  async authenticate(
    { req },
    { allowed },
  ): Promise<{ result: DemoAuthResult }> {
    if (!allowed) {
      throw new NotAllowedError(
        "The demo sign-in provider is only for the development portal; set 'auth.providers.demo.dangerouslyAllowOutsideDevelopment' to use it elsewhere",
      );
    }
    const userName = req.header(DEMO_USER_HEADER)?.trim();
    if (!userName) {
      throw new InputError(`Missing ${DEMO_USER_HEADER} header`);
    }
    if (userName.length > 63 || !USER_NAME.test(userName)) {
      throw new InputError(
        `Invalid ${DEMO_USER_HEADER} header: '${userName}' is not a user entity name`,
      );
    }
    return { result: { userName } };
  },
});

/** The profile (display name, email, picture) comes from the User entity in the catalog. */
export const demoProfileTransform: ProfileTransform<DemoAuthResult> = async (
  { userName },
  ctx,
) => {
  try {
    const { entity } = await ctx.findCatalogUser({
      entityRef: { name: userName },
    });
    const profile = (entity.spec?.profile ?? {}) as {
      displayName?: string;
      email?: string;
      picture?: string;
    };
    return {
      profile: {
        displayName: profile.displayName ?? entity.metadata.title ?? userName,
        email: profile.email,
        picture: profile.picture,
      },
    };
  } catch (error) {
    if ((error as Error)?.name === 'NotFoundError') {
      throw new NotFoundError(
        `Unknown demo user '${userName}': there is no User entity user:default/${userName} in the catalog`,
      );
    }
    throw error;
  }
};

/**
 * Signs in as the catalog's User entity of that name, so its `memberOf` groups become the
 * ownership refs of the token (the permission framework and the CAB rules see the groups).
 */
export const signInAsDemoUser: SignInResolver<DemoAuthResult> = async (
  { result },
  ctx,
) => ctx.signInWithCatalogUser({ entityRef: { name: result.userName } });
