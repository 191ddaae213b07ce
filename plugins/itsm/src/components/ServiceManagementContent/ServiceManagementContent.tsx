import { useEntity } from '@backstage/plugin-catalog-react';
import Grid from '@material-ui/core/Grid';
import { BlastRadiusCard } from '../shared/BlastRadius';
import { EntityIncidentsTable } from '../incidents/EntityIncidentsTable';
import { ServiceHealthCard } from '../ServiceHealthCard';
import {
  SlaAnnotationHint,
  lacksSlaAnnotations,
} from '../service-levels/SlaAnnotationHint';

/**
 * The "Service management" tab of an entity page: its health, its blast radius and its
 * incidents, with "Report incident".
 */
export function ServiceManagementContent() {
  const { entity } = useEntity();
  return (
    <Grid container spacing={3} alignItems="stretch">
      {lacksSlaAnnotations(entity) && (
        <Grid item xs={12}>
          <SlaAnnotationHint />
        </Grid>
      )}
      <Grid item xs={12} md={6} lg={4}>
        <ServiceHealthCard />
      </Grid>
      <Grid item xs={12} md={6} lg={8}>
        <BlastRadiusCard />
      </Grid>
      <Grid item xs={12}>
        <EntityIncidentsTable />
      </Grid>
    </Grid>
  );
}
