import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import {
  configApiRef,
  discoveryApiRef,
  useApi,
  type IdentityApi,
} from '@backstage/core-plugin-api';
import {
  Content,
  ErrorPanel,
  Header,
  InfoCard,
  Page,
  Progress,
} from '@backstage/core-components';
import Avatar from '@material-ui/core/Avatar';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemAvatar from '@material-ui/core/ListItemAvatar';
import ListItemSecondaryAction from '@material-ui/core/ListItemSecondaryAction';
import ListItemText from '@material-ui/core/ListItemText';
import Typography from '@material-ui/core/Typography';
import { DemoSignInIdentity, type SignInChoice } from './DemoSignInIdentity';
import { readDemoSignInConfig, type DemoUser } from './demoUsers';

/** Where the last choice is kept, so a reload stays signed in as the same user. */
export const SIGN_IN_STORAGE_KEY = 'itsm:demo-sign-in';

function readStoredChoice(demoEnabled: boolean): SignInChoice | undefined {
  try {
    const stored = JSON.parse(
      window.localStorage.getItem(SIGN_IN_STORAGE_KEY) ?? 'null',
    );
    if (stored?.provider === 'guest') {
      return { provider: 'guest' };
    }
    if (
      demoEnabled &&
      stored?.provider === 'demo' &&
      typeof stored.user === 'string'
    ) {
      return { provider: 'demo', user: stored.user };
    }
  } catch {
    // unreadable: choose again
  }
  return undefined;
}

/** The backend's own message (e.g. "Unknown demo user ...") rather than "Request failed with 404". */
function signInFailure(error: Error): string {
  const cause = (error as { cause?: { message?: unknown } }).cause;
  const message =
    error.name === 'ResponseError' && typeof cause?.message === 'string'
      ? cause.message
      : error.message;
  return `Sign-in failed: ${message}`;
}

function initials(user: DemoUser): string {
  return user.displayName
    .split(/\s+/)
    .map(part => part.charAt(0))
    .join('')
    .slice(0, 2)
    .toUpperCase();
}

/**
 * Sign-in page of the development portal: Guest, and (when `itsmDemo.signIn.enabled`) any demo
 * user of the catalog through the backend's `demo` provider. The choice is remembered until
 * sign-out, which returns here.
 */
export function DemoSignInPage(props: {
  onSignInSuccess(identityApi: IdentityApi): void;
}) {
  const { onSignInSuccess } = props;
  const configApi = useApi(configApiRef);
  const discoveryApi = useApi(discoveryApiRef);
  const { enabled, users } = useMemo(
    () => readDemoSignInConfig(configApi),
    [configApi],
  );
  const [stored] = useState(() => readStoredChoice(enabled));
  const [busy, setBusy] = useState(stored !== undefined);
  const [error, setError] = useState<Error>();
  const restoring = useRef(false);

  const signIn = useCallback(
    async (choice: SignInChoice) => {
      setBusy(true);
      setError(undefined);
      try {
        const identity = await DemoSignInIdentity.signIn({
          discoveryApi,
          choice,
          onSignOut: () => window.localStorage.removeItem(SIGN_IN_STORAGE_KEY),
        });
        window.localStorage.setItem(
          SIGN_IN_STORAGE_KEY,
          JSON.stringify(choice),
        );
        onSignInSuccess(identity);
      } catch (e) {
        window.localStorage.removeItem(SIGN_IN_STORAGE_KEY);
        setError(e as Error);
        setBusy(false);
      }
    },
    [discoveryApi, onSignInSuccess],
  );

  useEffect(() => {
    if (stored && !restoring.current) {
      restoring.current = true;
      signIn(stored);
    }
  }, [stored, signIn]);

  if (busy) {
    return <Progress />;
  }

  return (
    <Page themeId="home">
      <Header
        title={configApi.getOptionalString('app.title') ?? 'Backstage'}
        subtitle={
          enabled ? 'Development portal: choose who you are' : undefined
        }
      />
      <Content>
        <Grid container spacing={3}>
          {error && (
            <Grid item xs={12}>
              <ErrorPanel error={error} title={signInFailure(error)} />
            </Grid>
          )}
          {enabled && (
            <Grid item xs={12} md={8}>
              <InfoCard
                title="Sign in as a demo user"
                subheader="One person can walk every journey: request a change as one user, approve it as another. Sign out in Settings to switch."
              >
                <List dense aria-label="Demo users">
                  {users.map(user => (
                    <ListItem key={user.name} divider>
                      <ListItemAvatar>
                        <Avatar>{initials(user)}</Avatar>
                      </ListItemAvatar>
                      <ListItemText
                        primary={`${user.displayName} (${user.name})`}
                        secondary={user.role}
                      />
                      <ListItemSecondaryAction>
                        <Button
                          color="primary"
                          variant="outlined"
                          data-testid={`demo-user-${user.name}`}
                          aria-label={`Sign in as ${user.displayName} (${user.name})`}
                          onClick={() =>
                            signIn({ provider: 'demo', user: user.name })
                          }
                        >
                          Sign in
                        </Button>
                      </ListItemSecondaryAction>
                    </ListItem>
                  ))}
                </List>
              </InfoCard>
            </Grid>
          )}
          <Grid item xs={12} md={4}>
            <InfoCard
              title="Guest"
              actions={
                <Button
                  color="primary"
                  variant="outlined"
                  data-testid="sign-in-guest"
                  onClick={() => signIn({ provider: 'guest' })}
                >
                  Enter
                </Button>
              }
            >
              <Typography variant="body1">
                Enter as the guest user (user:default/guest, a member of
                Platform Engineering).
              </Typography>
            </InfoCard>
          </Grid>
        </Grid>
      </Content>
    </Page>
  );
}
