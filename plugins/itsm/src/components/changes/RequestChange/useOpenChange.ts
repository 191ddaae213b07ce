import { useNavigate } from 'react-router-dom';
import type { Change } from '@backstage-itsm/plugin-itsm-common';
import { useChangePath } from '../ChangeLink';

/**
 * Opens a change's page; `undefined` when the ITSM page is not mounted (a legacy app with
 * only the entity tab), so the caller shows a link-less confirmation instead.
 */
export function useOpenChange(): ((change: Change) => void) | undefined {
  const pathOf = useChangePath();
  const navigate = useNavigate();
  return pathOf ? change => navigate(pathOf(change.id)) : undefined;
}
