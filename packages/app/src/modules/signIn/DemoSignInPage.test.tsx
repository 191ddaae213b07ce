import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { IdentityApi } from '@backstage/core-plugin-api';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { DemoSignInPage, SIGN_IN_STORAGE_KEY } from './DemoSignInPage';

const backend = { baseUrl: 'http://localhost:7007' };

const demoConfig = {
  backend,
  itsmDemo: {
    signIn: {
      enabled: true,
      users: [
        {
          name: 'priya.sharma',
          displayName: 'Priya Sharma',
          role: 'Developer, Platform Engineering',
        },
        {
          name: 'marcus.reed',
          displayName: 'Marcus Reed',
          role: 'Change manager, CAB, ECAB',
        },
      ],
    },
  },
};

function session(userEntityRef: string, ownershipEntityRefs: string[]) {
  return {
    profile: { displayName: 'Someone' },
    backstageIdentity: {
      token: 'header.eyJzdWIiOiJ4In0.signature',
      identity: { type: 'user', userEntityRef, ownershipEntityRefs },
    },
  };
}

function jsonResponse(status: number, body: unknown) {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json' },
  });
}

/** The URL and the `x-itsm-demo-user` header of each call to the auth backend. */
function calls(fetchMock: jest.Mock) {
  return fetchMock.mock.calls.map(([url, init]) => ({
    url,
    user: (init.headers as Record<string, string>)['x-itsm-demo-user'],
  }));
}

describe('DemoSignInPage', () => {
  const originalFetch = global.fetch;
  let fetchMock: jest.Mock;

  beforeEach(() => {
    window.localStorage.clear();
    fetchMock = jest.fn(async (_url: string, init: RequestInit) => {
      const user = (init.headers as Record<string, string>)['x-itsm-demo-user'];
      if (user === 'marcus.reed') {
        return jsonResponse(
          200,
          session('user:default/marcus.reed', [
            'user:default/marcus.reed',
            'group:default/cab',
          ]),
        );
      }
      if (user) {
        return jsonResponse(404, {
          error: {
            name: 'NotFoundError',
            message: `Unknown demo user '${user}'`,
          },
          request: { method: 'GET', url: '/api/auth/demo/refresh' },
          response: { statusCode: 404 },
        });
      }
      return jsonResponse(
        200,
        session('user:default/guest', ['user:default/guest']),
      );
    });
    global.fetch = fetchMock;
  });

  afterEach(() => {
    global.fetch = originalFetch;
  });

  it('lists the configured demo users with their roles, and the guest', async () => {
    await renderInTestApp(<DemoSignInPage onSignInSuccess={jest.fn()} />, {
      config: demoConfig,
    });

    expect(
      screen.getByRole('button', {
        name: 'Sign in as Marcus Reed (marcus.reed)',
      }),
    ).toBeInTheDocument();
    expect(screen.getByTestId('demo-user-priya.sharma')).toBeInTheDocument();
    expect(screen.getByText('Change manager, CAB, ECAB')).toBeInTheDocument();
    // The e2e journeys sign in as guest with the one button named "Enter".
    expect(screen.getByRole('button', { name: 'Enter' })).toBeInTheDocument();
    expect(screen.getAllByRole('button', { name: /enter/i })).toHaveLength(1);
  });

  it('falls back to the demo organisation when the config lists no users', async () => {
    await renderInTestApp(<DemoSignInPage onSignInSuccess={jest.fn()} />, {
      config: { backend, itsmDemo: { signIn: { enabled: true } } },
    });

    expect(screen.getAllByRole('button', { name: /^Sign in as/ })).toHaveLength(
      8,
    );
    expect(screen.getByTestId('demo-user-katrin.vogel')).toBeInTheDocument();
  });

  it('offers only the guest when demo sign-in is not enabled', async () => {
    window.localStorage.setItem(
      SIGN_IN_STORAGE_KEY,
      JSON.stringify({ provider: 'demo', user: 'marcus.reed' }),
    );
    await renderInTestApp(<DemoSignInPage onSignInSuccess={jest.fn()} />, {
      config: { backend },
    });

    expect(screen.getByRole('button', { name: 'Enter' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /^Sign in as/ })).toBeNull();
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('signs in as the picked user through the demo provider and remembers the choice', async () => {
    const onSignInSuccess = jest.fn();
    await renderInTestApp(
      <DemoSignInPage onSignInSuccess={onSignInSuccess} />,
      {
        config: demoConfig,
      },
    );

    await userEvent.click(screen.getByTestId('demo-user-marcus.reed'));

    await waitFor(() => expect(onSignInSuccess).toHaveBeenCalledTimes(1));
    expect(calls(fetchMock)).toEqual([
      {
        url: 'http://localhost:7007/api/auth/demo/refresh',
        user: 'marcus.reed',
      },
    ]);
    const identity: IdentityApi = onSignInSuccess.mock.calls[0][0];
    expect(await identity.getBackstageIdentity()).toEqual({
      type: 'user',
      userEntityRef: 'user:default/marcus.reed',
      ownershipEntityRefs: ['user:default/marcus.reed', 'group:default/cab'],
    });
    expect(await identity.getCredentials()).toEqual({
      token: 'header.eyJzdWIiOiJ4In0.signature',
    });
    expect(
      JSON.parse(window.localStorage.getItem(SIGN_IN_STORAGE_KEY)!),
    ).toEqual({ provider: 'demo', user: 'marcus.reed' });

    // Sign-out forgets the choice, so the next visit shows the picker again.
    await identity.signOut();
    expect(window.localStorage.getItem(SIGN_IN_STORAGE_KEY)).toBeNull();
  });

  it('signs in as guest through the guest provider', async () => {
    const onSignInSuccess = jest.fn();
    await renderInTestApp(
      <DemoSignInPage onSignInSuccess={onSignInSuccess} />,
      {
        config: demoConfig,
      },
    );

    await userEvent.click(screen.getByRole('button', { name: 'Enter' }));

    await waitFor(() => expect(onSignInSuccess).toHaveBeenCalledTimes(1));
    expect(calls(fetchMock)).toEqual([
      { url: 'http://localhost:7007/api/auth/guest/refresh', user: undefined },
    ]);
    expect(
      (await onSignInSuccess.mock.calls[0][0].getBackstageIdentity())
        .userEntityRef,
    ).toBe('user:default/guest');
  });

  it('signs in again as the remembered user after a reload, without the picker', async () => {
    window.localStorage.setItem(
      SIGN_IN_STORAGE_KEY,
      JSON.stringify({ provider: 'demo', user: 'marcus.reed' }),
    );
    const onSignInSuccess = jest.fn();
    await renderInTestApp(
      <DemoSignInPage onSignInSuccess={onSignInSuccess} />,
      {
        config: demoConfig,
      },
    );

    await waitFor(() => expect(onSignInSuccess).toHaveBeenCalledTimes(1));
    expect(calls(fetchMock)).toEqual([
      {
        url: 'http://localhost:7007/api/auth/demo/refresh',
        user: 'marcus.reed',
      },
    ]);
    expect(screen.queryByRole('button', { name: 'Enter' })).toBeNull();
  });

  it('shows the backend error and the picker when the remembered user is unknown', async () => {
    window.localStorage.setItem(
      SIGN_IN_STORAGE_KEY,
      JSON.stringify({ provider: 'demo', user: 'jane.doe' }),
    );
    const onSignInSuccess = jest.fn();
    await renderInTestApp(
      <DemoSignInPage onSignInSuccess={onSignInSuccess} />,
      {
        config: demoConfig,
      },
    );

    expect(
      await screen.findByText(/Unknown demo user 'jane.doe'/),
    ).toBeInTheDocument();
    expect(screen.getByTestId('demo-user-marcus.reed')).toBeInTheDocument();
    expect(onSignInSuccess).not.toHaveBeenCalled();
    expect(window.localStorage.getItem(SIGN_IN_STORAGE_KEY)).toBeNull();
  });
});
