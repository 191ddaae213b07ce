import { useEntity } from '@backstage/plugin-catalog-react';
import Grid from '@material-ui/core/Grid';
import { EntityIncidentsTable } from '../EntityIncidentsTable';
import { ServiceHealthCard } from '../ServiceHealthCard';
import { SlaAnnotationHint, lacksSlaAnnotations } from '../SlaAnnotationHint';

/** The "Service management" tab of an entity page: its health and its incidents. */
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
      <Grid item xs={12}>
        <EntityIncidentsTable />
      </Grid>
    </Grid>
  );
}
