import type { ReactNode } from 'react';
import { Link as RouterLink } from 'react-router-dom';
import Link from '@material-ui/core/Link';
import { useRecordPath } from '../../incidents/IncidentLink';
import { improvementRouteRef } from '../routes';

/** The path of an improvement page; `undefined` when the page is not mounted. */
export function useImprovementPath(): ((id: string) => string) | undefined {
  return useRecordPath(improvementRouteRef);
}

/** A link to the improvement page; plain text when the page is not mounted. */
export function ImprovementLink(props: { id: string; children?: ReactNode }) {
  const pathOf = useImprovementPath();
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
