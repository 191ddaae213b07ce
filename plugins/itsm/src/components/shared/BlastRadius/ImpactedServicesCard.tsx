import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { EntityRefLinks } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import type { Incident } from '@backstage-itsm/plugin-itsm-common';
import { useImpact } from '../../../hooks/useImpact';
import { BLAST_RADIUS_DEPTH } from './BlastRadiusCard';
import { BlastRadiusList } from './BlastRadiusList';

/**
 * What the incident touches: the impacted services recorded when it was raised, and
 * today's blast radius of its service from the catalog graph.
 */
export function ImpactedServicesCard(props: { incident: Incident }) {
  const { incident } = props;
  const impact = useImpact({
    entityRef: incident.entityRef,
    direction: 'downstream',
    depth: BLAST_RADIUS_DEPTH,
  });
  let blastRadius;
  if (impact.error) {
    blastRadius = <ResponseErrorPanel error={impact.error} />;
  } else if (!impact.value) {
    blastRadius = <Progress />;
  } else {
    blastRadius = <BlastRadiusList items={impact.value.items} />;
  }
  return (
    <InfoCard title="Impacted services">
      <Box aria-label="Recorded impact" role="region">
        <Typography variant="subtitle2">Recorded when raised</Typography>
        {incident.impactedServices.length ? (
          <EntityRefLinks entityRefs={incident.impactedServices} hideIcons />
        ) : (
          <Typography variant="body2" color="textSecondary">
            None recorded.
          </Typography>
        )}
      </Box>
      <Box mt={2}>
        <Typography variant="subtitle2">
          Blast radius now (up to {BLAST_RADIUS_DEPTH} hops)
        </Typography>
        {blastRadius}
      </Box>
    </InfoCard>
  );
}
