import type { ReactNode } from 'react';
import { changeRouteRef } from '../../../routes';
import { RecordRouteLink, useRecordPath } from '../../incidents/IncidentLink';

/** The path of a change page, or `undefined` when the ITSM page is not mounted. */
export function useChangePath(): ((id: string) => string) | undefined {
  return useRecordPath(changeRouteRef);
}

/** A link to the change page; plain text when the page is not mounted. */
export function ChangeLink(props: { id: string; children?: ReactNode }) {
  return <RecordRouteLink routeRef={changeRouteRef} {...props} />;
}
