import type { ReactNode } from 'react';
import { Link as RouterLink } from 'react-router-dom';
import Link from '@material-ui/core/Link';
import { useRecordPath } from '../../incidents/IncidentLink';
import { complaintRouteRef } from '../routes';

/** A link to the complaint page; plain text when the page is not mounted. */
export function ComplaintLink(props: { id: string; children?: ReactNode }) {
  const pathOf = useRecordPath(complaintRouteRef);
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
