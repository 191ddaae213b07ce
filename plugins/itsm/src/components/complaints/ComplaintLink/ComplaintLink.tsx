import type { ReactNode } from 'react';
import { RecordRouteLink } from '../../incidents/IncidentLink';
import { complaintRouteRef } from '../routes';

/** A link to the complaint page; plain text when the page is not mounted. */
export function ComplaintLink(props: { id: string; children?: ReactNode }) {
  return <RecordRouteLink routeRef={complaintRouteRef} {...props} />;
}
