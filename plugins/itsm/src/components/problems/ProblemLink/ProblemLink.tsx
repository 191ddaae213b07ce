import type { ReactNode } from 'react';
import { Link as RouterLink } from 'react-router-dom';
import Link from '@material-ui/core/Link';
import { knownErrorRouteRef, problemRouteRef } from '../../../routes';
import { useRecordPath } from '../../incidents/IncidentLink';

/** A link to the problem page; plain text when the page is not mounted. */
export function ProblemLink(props: { id: string; children?: ReactNode }) {
  const pathOf = useRecordPath(problemRouteRef);
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

/** A link to the known-error page; plain text when the page is not mounted. */
export function KnownErrorLink(props: { id: string; children?: ReactNode }) {
  const pathOf = useRecordPath(knownErrorRouteRef);
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
