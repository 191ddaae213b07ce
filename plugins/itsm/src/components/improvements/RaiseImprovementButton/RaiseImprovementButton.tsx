import { Link as RouterLink } from 'react-router-dom';
import { useRouteRef } from '@backstage/core-plugin-api';
import Button from '@material-ui/core/Button';
import TrendingUpIcon from '@material-ui/icons/TrendingUp';
import type { ImprovementSource } from '@backstage-itsm/plugin-itsm-common';
import { newImprovementRouteRef } from '../routes';

/** What pre-fills the "Raise improvement" form. */
export interface RaiseImprovementParams {
  /** Where the item comes from; with `sourceId` the form loads the source's draft. */
  source?: ImprovementSource;
  /** The source record: `BRE-3`, `PRB-2`, `REV-4/A-1`, ... */
  sourceId?: string;
  /** The services, when there is no source record to take them from. */
  entityRefs?: readonly string[];
}

/** `?source=&sourceId=&entityRef=` of the form's page, from what is known. */
export function raiseImprovementQuery(params: RaiseImprovementParams): string {
  const query = new URLSearchParams();
  if (params.source) query.set('source', params.source);
  if (params.sourceId) query.set('sourceId', params.sourceId);
  for (const ref of params.entityRefs ?? []) query.append('entityRef', ref);
  const qs = query.toString();
  return qs ? `?${qs}` : '';
}

/**
 * The link to "Raise improvement" (`/itsm/improvements/new?…`), built through its route
 * ref; `undefined` when the page is not mounted (an app with only an entity tab).
 */
export function useRaiseImprovementLink():
  | ((params: RaiseImprovementParams) => string)
  | undefined {
  let path: (() => string) | undefined;
  try {
    // Called on every render; useRouteRef throws only after its own hooks ran, so the hook
    // order is stable and only the "No path" error is caught.
    // eslint-disable-next-line react-hooks/rules-of-hooks
    path = useRouteRef(newImprovementRouteRef);
  } catch {
    path = undefined;
  }
  return path
    ? params => `${path!()}${raiseImprovementQuery(params)}`
    : undefined;
}

/**
 * "Raise improvement" from a source record: opens the form pre-filled from the record (its
 * draft). Renders nothing where the improvements page is not mounted.
 */
export function RaiseImprovementButton(
  props: RaiseImprovementParams & {
    /** Default `Raise improvement`. */
    label?: string;
    variant?: 'text' | 'outlined' | 'contained';
    size?: 'small' | 'medium';
  },
) {
  const linkTo = useRaiseImprovementLink();
  if (!linkTo) return null;
  const { label, variant, size, ...params } = props;
  return (
    <Button
      component={RouterLink}
      to={linkTo(params)}
      variant={variant ?? 'outlined'}
      color="primary"
      size={size ?? 'small'}
      startIcon={<TrendingUpIcon />}
      data-testid="raise-improvement"
      aria-label={
        params.sourceId
          ? `Raise improvement from ${params.sourceId}`
          : undefined
      }
    >
      {label ?? 'Raise improvement'}
    </Button>
  );
}
