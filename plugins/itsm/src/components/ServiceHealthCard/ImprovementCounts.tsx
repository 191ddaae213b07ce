import { useApi, useRouteRef } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Link from '@material-ui/core/Link';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { Link as RouterLink } from 'react-router-dom';
import useAsync from 'react-use/esm/useAsync';
import { itsmApiRef } from '../../api';
import { improvementsRouteRef, rootRouteRef } from '../../routes';

const useStyles = makeStyles(theme => ({
  label: {
    textTransform: 'uppercase',
    letterSpacing: '0.05em',
  },
  value: {
    fontWeight: theme.typography.fontWeightBold as number,
  },
  overdue: {
    color: theme.palette.error.main,
  },
}));

/**
 * The improvement register's path, `/itsm/improvements`: its own page where the app mounts
 * it (the new frontend system), else under the ITSM page (a legacy app's `ItsmPage` serves
 * `improvements`); `undefined` when neither is mounted.
 */
function useRegisterPath(): string | undefined {
  let register: (() => string) | undefined;
  let root: (() => string) | undefined;
  // Both are called on every render; useRouteRef throws only after its own hooks ran, so the
  // hook order is stable and only the "No path" error is caught.
  try {
    // eslint-disable-next-line react-hooks/rules-of-hooks
    register = useRouteRef(improvementsRouteRef);
  } catch {
    register = undefined;
  }
  try {
    // eslint-disable-next-line react-hooks/rules-of-hooks
    root = useRouteRef(rootRouteRef);
  } catch {
    root = undefined;
  }
  if (register) return register();
  return root ? `${root().replace(/\/$/, '')}/improvements` : undefined;
}

/** The register filtered by the entity (and to its overdue items). */
function registerQuery(entityRef: string, overdue: boolean): string {
  const query = new URLSearchParams({ entityRef });
  if (overdue) query.set('overdue', 'true');
  return `?${query.toString()}`;
}

function Count(props: {
  label: string;
  /** The group's accessible name, before the number (default the label). */
  name?: string;
  value?: number;
  /** Where the number links to. */
  to?: string;
  /** The link's accessible name. */
  linkLabel: string;
  overdue?: boolean;
}) {
  const classes = useStyles();
  const shown = props.value?.toString() ?? '…';
  return (
    <Box role="group" aria-label={`${props.name ?? props.label}: ${shown}`}>
      <Typography
        variant="caption"
        color="textSecondary"
        component="div"
        className={classes.label}
      >
        {props.label}
      </Typography>
      <Typography
        variant="h5"
        component="div"
        className={`${classes.value} ${props.overdue ? classes.overdue : ''}`}
      >
        {props.to && props.value !== undefined ? (
          <Link
            component={RouterLink}
            to={props.to}
            color="inherit"
            aria-label={props.linkLabel}
          >
            {shown}
          </Link>
        ) : (
          shown
        )}
      </Typography>
    </Box>
  );
}

/**
 * Open improvement items of an entity and, when there are any, how many are overdue, for the
 * service health card: counted on the server (`GET /improvement-counts`) over the items the
 * caller may read. Each number links to the register filtered by the entity where the
 * register is mounted. Nothing is shown when the caller may not read improvement items, or
 * when the counts cannot be had (a backend without the register).
 */
export function ImprovementCounts(props: { entityRef: string }) {
  const itsmApi = useApi(itsmApiRef);
  const registerPath = useRegisterPath();
  const { entityRef } = props;
  const { value, error } = useAsync(
    () => itsmApi.getImprovementCounts({ entityRef }),
    [itsmApi, entityRef],
  );
  if (error || value?.open === null || value?.overdue === null) {
    return null;
  }
  // The server's ref is lowercase, as the register filters.
  const to = (overdue: boolean) =>
    registerPath &&
    value &&
    `${registerPath}${registerQuery(value.entityRef, overdue)}`;
  return (
    <Box display="flex" style={{ gap: 24 }}>
      <Count
        label="Open improvements"
        value={value?.open}
        to={to(false)}
        linkLabel="Open improvements of this service in the register"
      />
      {!!value?.overdue && (
        <Count
          label="Overdue"
          name="Overdue improvements"
          value={value.overdue}
          to={to(true)}
          linkLabel="Overdue improvements of this service in the register"
          overdue
        />
      )}
    </Box>
  );
}
