import { useTheme } from '@material-ui/core/styles';
import type { ChangeStatus } from '@backstage-itsm/plugin-itsm-common';

/** One colour per change status, from the theme: the chips and the calendar's bars share it. */
export function useChangeStatusColors(): Record<ChangeStatus, string> {
  const { palette } = useTheme();
  return {
    draft: palette.grey[500],
    assessment: palette.info.main,
    authorization: palette.warning.main,
    scheduled: palette.primary.main,
    implementing: palette.secondary.main,
    review: palette.info.dark,
    closed: palette.success.main,
    rejected: palette.error.dark,
    cancelled: palette.grey[400],
  };
}
