import type {
  BackstageUserIdentity,
  DiscoveryApi,
  IdentityApi,
  ProfileInfo,
} from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';

/** The header the backend's `demo` provider reads the user name from. */
export const DEMO_USER_HEADER = 'x-itsm-demo-user';

/** Who to sign in as: the guest, or a catalog user through the `demo` provider. */
export type SignInChoice =
  | { provider: 'guest' }
  | { provider: 'demo'; user: string };

type Session = {
  profile: ProfileInfo;
  backstageIdentity: { token: string; identity: BackstageUserIdentity };
};

// Fetch a new token this long before the current one expires (and assume this lifetime if the
// token carries no expiry).
const MARGIN_MS = 5 * 60 * 1000;

function expiresAt(token: string): number {
  try {
    const payload = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    const { exp } = JSON.parse(window.atob(payload));
    if (typeof exp === 'number') {
      return exp * 1000 - MARGIN_MS;
    }
  } catch {
    // not a JWT: fall through to the default lifetime
  }
  return Date.now() + MARGIN_MS;
}

/**
 * The identity of a proxy-provider sign-in (`/api/auth/<provider>/refresh`), the way
 * ProxiedSignInPage does it, with the demo user in a header; refreshes the token before it expires.
 */
export class DemoSignInIdentity implements IdentityApi {
  readonly #discoveryApi: DiscoveryApi;
  readonly #choice: SignInChoice;
  readonly #onSignOut: () => void;
  readonly #abort = new AbortController();
  #session?: { value: Session; expiresAt: number };
  #pending?: Promise<Session>;

  /** Signs in, resolving once the backend has issued the first token. */
  static async signIn(options: {
    discoveryApi: DiscoveryApi;
    choice: SignInChoice;
    onSignOut: () => void;
  }): Promise<DemoSignInIdentity> {
    const identity = new DemoSignInIdentity(options);
    await identity.#getSession();
    return identity;
  }

  private constructor(options: {
    discoveryApi: DiscoveryApi;
    choice: SignInChoice;
    onSignOut: () => void;
  }) {
    this.#discoveryApi = options.discoveryApi;
    this.#choice = options.choice;
    this.#onSignOut = options.onSignOut;
  }

  async getProfileInfo(): Promise<ProfileInfo> {
    return (await this.#getSession()).profile;
  }

  async getBackstageIdentity(): Promise<BackstageUserIdentity> {
    return (await this.#getSession()).backstageIdentity.identity;
  }

  async getCredentials(): Promise<{ token?: string }> {
    return { token: (await this.#getSession()).backstageIdentity.token };
  }

  async signOut(): Promise<void> {
    this.#abort.abort();
    this.#onSignOut();
  }

  #getSession(): Promise<Session> {
    if (this.#session && Date.now() < this.#session.expiresAt) {
      return Promise.resolve(this.#session.value);
    }
    if (!this.#pending) {
      this.#pending = this.#fetchSession()
        .then(session => {
          this.#session = {
            value: session,
            expiresAt: expiresAt(session.backstageIdentity.token),
          };
          return session;
        })
        .finally(() => {
          this.#pending = undefined;
        });
    }
    return this.#pending;
  }

  async #fetchSession(): Promise<Session> {
    const baseUrl = await this.#discoveryApi.getBaseUrl('auth');
    const headers: Record<string, string> = {
      'X-Requested-With': 'XMLHttpRequest',
    };
    if (this.#choice.provider === 'demo') {
      headers[DEMO_USER_HEADER] = this.#choice.user;
    }
    const response = await fetch(
      `${baseUrl}/${this.#choice.provider}/refresh`,
      { headers, credentials: 'include', signal: this.#abort.signal },
    );
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    const session = (await response.json()) as Session;
    if (!session?.backstageIdentity?.token) {
      throw new Error(
        `The ${
          this.#choice.provider
        } auth provider returned no Backstage identity`,
      );
    }
    return { ...session, profile: session.profile ?? {} };
  }
}
