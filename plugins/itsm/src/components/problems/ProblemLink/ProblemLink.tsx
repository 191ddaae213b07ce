import type { ReactNode } from 'react';
import { knownErrorRouteRef, problemRouteRef } from '../../../routes';
import { RecordRouteLink } from '../../incidents/IncidentLink';

/** A link to the problem page; plain text when the page is not mounted. */
export function ProblemLink(props: { id: string; children?: ReactNode }) {
  return <RecordRouteLink routeRef={problemRouteRef} {...props} />;
}

/** A link to the known-error page; plain text when the page is not mounted. */
export function KnownErrorLink(props: { id: string; children?: ReactNode }) {
  return <RecordRouteLink routeRef={knownErrorRouteRef} {...props} />;
}
