import type { ReactNode } from 'react';
import { Link as RouterLink } from 'react-router-dom';
import Button from '@material-ui/core/Button';
import Link from '@material-ui/core/Link';
import PrintOutlined from '@material-ui/icons/PrintOutlined';
import { RecordRouteLink, useRecordPath } from '../../incidents/IncidentLink';
import { reviewPackRouteRef, reviewRouteRef } from '../routes';

/** A link to the review page; plain text when the page is not mounted. */
export function ReviewLink(props: { id: string; children?: ReactNode }) {
  return <RecordRouteLink routeRef={reviewRouteRef} {...props} />;
}

/**
 * "Print pack": the printable pack of a review (`/itsm/reviews/:id/pack`), laid out for the
 * browser's "Save as PDF"; nothing when the page is not mounted.
 */
export function PrintPackLink(props: {
  id: string;
  variant?: 'button' | 'link';
}) {
  const pathOf = useRecordPath(reviewPackRouteRef);
  if (!pathOf) {
    return null;
  }
  if (props.variant === 'link') {
    return (
      <Link
        component={RouterLink}
        to={pathOf(props.id)}
        aria-label={`Print pack of ${props.id}`}
      >
        Print pack
      </Link>
    );
  }
  return (
    <Button
      component={RouterLink}
      to={pathOf(props.id)}
      variant="outlined"
      startIcon={<PrintOutlined />}
    >
      Print pack
    </Button>
  );
}
