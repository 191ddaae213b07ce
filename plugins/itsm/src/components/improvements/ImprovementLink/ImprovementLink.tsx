import type { ReactNode } from 'react';
import { RecordRouteLink, useRecordPath } from '../../incidents/IncidentLink';
import { improvementRouteRef } from '../routes';

/** The path of an improvement page; `undefined` when the page is not mounted. */
export function useImprovementPath(): ((id: string) => string) | undefined {
  return useRecordPath(improvementRouteRef);
}

/** A link to the improvement page; plain text when the page is not mounted. */
export function ImprovementLink(props: { id: string; children?: ReactNode }) {
  return <RecordRouteLink routeRef={improvementRouteRef} {...props} />;
}
