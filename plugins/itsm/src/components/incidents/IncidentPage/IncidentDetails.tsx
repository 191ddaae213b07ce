import type { ReactNode } from 'react';
import { InfoCard } from '@backstage/core-components';
import { EntityRefLinks } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import {
  IMPACT_LABELS,
  URGENCY_LABELS,
  type Incident,
} from '@backstage-itsm/plugin-itsm-common';
import { ChangeLink } from '../../changes/ChangeLink';
import { humanizeCode } from '../../shared/format';
import { Markdown } from '../../shared/Markdown';

function Row(props: { label: string; value: ReactNode }) {
  return (
    <>
      <Grid item xs={4}>
        <Typography variant="body2" color="textSecondary">
          {props.label}
        </Typography>
      </Grid>
      <Grid item xs={8}>
        <Typography variant="body2" component="div">
          {props.value}
        </Typography>
      </Grid>
    </>
  );
}

/** The description (Markdown) and the classification of an incident. */
export function IncidentDetails(props: { incident: Incident }) {
  const { incident } = props;
  return (
    <InfoCard title="Details">
      {incident.description ? (
        <Markdown content={incident.description} />
      ) : (
        <Typography variant="body2" color="textSecondary">
          No description.
        </Typography>
      )}
      <Box mt={2}>
        <Grid container spacing={1}>
          <Row label="Impact" value={IMPACT_LABELS[incident.impact]} />
          <Row label="Urgency" value={URGENCY_LABELS[incident.urgency]} />
          <Row label="Category" value={incident.category ?? '—'} />
          {incident.subcategory && (
            <Row label="Subcategory" value={incident.subcategory} />
          )}
          {incident.affectedEntityRefs.length > 0 && (
            <Row
              label="Also affected"
              value={
                <EntityRefLinks
                  entityRefs={incident.affectedEntityRefs}
                  hideIcons
                />
              }
            />
          )}
          {incident.resolutionCode && (
            <Row
              label="Resolution"
              value={humanizeCode(incident.resolutionCode)}
            />
          )}
          {incident.resolutionNotes && (
            <Row
              label="Resolution notes"
              value={<Markdown content={incident.resolutionNotes} />}
            />
          )}
          {incident.parentId && (
            <Row label="Parent" value={incident.parentId} />
          )}
          {incident.problemId && (
            <Row label="Problem" value={incident.problemId} />
          )}
          {incident.causedByChangeId && (
            <Row
              label="Caused by change"
              value={<ChangeLink id={incident.causedByChangeId} />}
            />
          )}
          <Row label="Source" value={humanizeCode(incident.source)} />
        </Grid>
      </Box>
    </InfoCard>
  );
}
