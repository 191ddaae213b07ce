import type { ReactNode } from 'react';
import { Link as RouterLink } from 'react-router-dom';
import Link from '@material-ui/core/Link';
import { changeRouteRef } from '../../../routes';
import { useRecordPath } from '../../incidents/IncidentLink';

/** The path of a change page, or `undefined` when the ITSM page is not mounted. */
export function useChangePath(): ((id: string) => string) | undefined {
  return useRecordPath(changeRouteRef);
}

/** A link to the change page; plain text when the page is not mounted. */
export function ChangeLink(props: { id: string; children?: ReactNode }) {
  const pathOf = useChangePath();
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
