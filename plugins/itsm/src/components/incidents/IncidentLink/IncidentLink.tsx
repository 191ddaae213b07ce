import type { ReactNode } from 'react';
import { Link as RouterLink } from 'react-router-dom';
import { useRouteRef, type SubRouteRef } from '@backstage/core-plugin-api';
import Link from '@material-ui/core/Link';
import { incidentRouteRef } from '../../../routes';

/**
 * The path of a record page (`…/:id` under the ITSM page), or `undefined` when the app has
 * not mounted the ITSM page (a legacy app that only added an entity tab): ids then show as
 * text.
 */
export function useRecordPath(
  routeRef: SubRouteRef<{ id: string }>,
): ((id: string) => string) | undefined {
  let routeFunc: ((params: { id: string }) => string) | undefined;
  try {
    // Called on every render; useRouteRef throws only after its own hooks ran, so the
    // hook order is stable and only the "No path" error is caught.
    // eslint-disable-next-line react-hooks/rules-of-hooks
    routeFunc = useRouteRef(routeRef);
  } catch {
    routeFunc = undefined;
  }
  return routeFunc ? id => routeFunc!({ id }) : undefined;
}

/** The path of an incident page, see {@link useRecordPath}. */
export function useIncidentPath(): ((id: string) => string) | undefined {
  return useRecordPath(incidentRouteRef);
}

/** A link to a record's page (the id unless `children`); plain text when the page is not mounted. */
export function RecordRouteLink(props: {
  routeRef: SubRouteRef<{ id: string }>;
  id: string;
  children?: ReactNode;
}) {
  const pathOf = useRecordPath(props.routeRef);
  const children = props.children ?? props.id;
  if (!pathOf) {
    return <>{children}</>;
  }
  return (
    <Link component={RouterLink} to={pathOf(props.id)}>
      {children}
    </Link>
  );
}

/** A link to the incident page; plain text when the page is not mounted. */
export function IncidentLink(props: { id: string; children?: ReactNode }) {
  return <RecordRouteLink routeRef={incidentRouteRef} {...props} />;
}
