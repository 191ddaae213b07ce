import type { Entity } from '@backstage/catalog-model';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import InfoIcon from '@material-ui/icons/InfoOutlined';
import { makeStyles } from '@material-ui/core/styles';
import {
  ITSM_SERVICE_HOURS_ANNOTATION,
  ITSM_TIER_ANNOTATION,
} from '@backstage-itsm/plugin-itsm-common';

const useStyles = makeStyles(theme => ({
  root: {
    display: 'flex',
    alignItems: 'flex-start',
    gap: theme.spacing(1),
    padding: theme.spacing(1, 2),
    borderRadius: theme.shape.borderRadius,
    border: `1px solid ${theme.palette.info.main}`,
    color: theme.palette.text.primary,
  },
  icon: {
    color: theme.palette.info.main,
    marginTop: 2,
  },
}));

/** True when the entity says nothing about its tier or service hours. */
export function lacksSlaAnnotations(entity: Entity): boolean {
  const annotations = entity.metadata.annotations ?? {};
  return (
    !annotations[ITSM_TIER_ANNOTATION] &&
    !annotations[ITSM_SERVICE_HOURS_ANNOTATION]
  );
}

/**
 * A quiet hint that the ITSM annotations make SLAs accurate. ITSM works for
 * any entity, so this never blocks the content.
 */
export function SlaAnnotationHint() {
  const classes = useStyles();
  return (
    <Box className={classes.root} role="note">
      <InfoIcon fontSize="small" className={classes.icon} />
      <Typography variant="body2">
        This entity has no <code>{ITSM_TIER_ANNOTATION}</code> or{' '}
        <code>{ITSM_SERVICE_HOURS_ANNOTATION}</code> annotation, so its SLA
        clocks use the default targets and calendars. Add the service tier (1–4)
        and a service-hours calendar id to its catalog-info.yaml to make SLAs
        accurate.
      </Typography>
    </Box>
  );
}
