import type { ConfigApi } from '@backstage/core-plugin-api';

/** A catalog user the development portal offers on its sign-in page. */
export type DemoUser = {
  /** The User entity name in the default namespace. */
  name: string;
  displayName: string;
  role?: string;
};

/** The demo organisation's people (examples/org.yaml), when the config lists none. */
export const DEFAULT_DEMO_USERS: DemoUser[] = [
  {
    name: 'priya.sharma',
    displayName: 'Priya Sharma',
    role: 'Developer, Platform Engineering',
  },
  {
    name: 'daniel.kim',
    displayName: 'Daniel Kim',
    role: 'Developer, Payments Core',
  },
  {
    name: 'sofia.rossi',
    displayName: 'Sofia Rossi',
    role: 'Payments service owner, CAB, ECAB',
  },
  {
    name: 'marcus.reed',
    displayName: 'Marcus Reed',
    role: 'Change manager, CAB, ECAB, ITSM admin',
  },
  {
    name: 'maria.garcia',
    displayName: 'María García',
    role: 'SRE lead, change manager, CAB, ECAB, ITSM admin',
  },
  {
    name: 'tom.oconnor',
    displayName: "Tom O'Connor",
    role: 'SRE, change manager',
  },
  {
    name: 'lars.becker',
    displayName: 'Lars Becker',
    role: 'Platform engineer, CAB',
  },
  {
    name: 'katrin.vogel',
    displayName: 'Katrin Vogel',
    role: 'Engineering, CAB',
  },
];

/** Whether the demo users are offered, and which (`itsmDemo.signIn` in app-config). */
export function readDemoSignInConfig(config: ConfigApi): {
  enabled: boolean;
  users: DemoUser[];
} {
  const enabled = config.getOptionalBoolean('itsmDemo.signIn.enabled') ?? false;
  const users = config
    .getOptionalConfigArray('itsmDemo.signIn.users')
    ?.map(user => {
      const name = user.getString('name');
      return {
        name,
        displayName: user.getOptionalString('displayName') ?? name,
        role: user.getOptionalString('role'),
      };
    });
  return { enabled, users: users?.length ? users : DEFAULT_DEMO_USERS };
}
