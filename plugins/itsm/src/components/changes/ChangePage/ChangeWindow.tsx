import { InfoCard } from '@backstage/core-components';
import Grid from '@material-ui/core/Grid';
import Alert from '@material-ui/lab/Alert';
import {
  isOutsideApprovedWindow,
  type Change,
} from '@backstage-itsm/plugin-itsm-common';
import { useNow } from '../../../hooks/useNow';
import { Fact, Unset } from '../../shared/Fact';

const when = (iso: string | null, unset: string) =>
  iso ? new Date(iso).toLocaleString() : <Unset text={unset} />;

/** The planned and the actual window, flagged when the work left the approved window. */
export function ChangeWindow(props: { change: Change }) {
  const { change } = props;
  const now = useNow(60_000);
  const outside = isOutsideApprovedWindow(change, now);
  return (
    <InfoCard title="Window">
      {outside && (
        <Alert severity="warning" role="alert" style={{ marginBottom: 16 }}>
          Work outside the approved window: the actual work started before, or
          ran past, the planned window.
        </Alert>
      )}
      <Grid container spacing={2}>
        <Grid item xs={6}>
          <Fact label="Planned start">
            {when(change.plannedStart, 'Not planned')}
          </Fact>
        </Grid>
        <Grid item xs={6}>
          <Fact label="Planned end">
            {when(change.plannedEnd, 'Not planned')}
          </Fact>
        </Grid>
        <Grid item xs={6}>
          <Fact label="Actual start">
            {when(change.actualStart, 'Not started')}
          </Fact>
        </Grid>
        <Grid item xs={6}>
          <Fact label="Actual end">
            {when(change.actualEnd, 'Not finished')}
          </Fact>
        </Grid>
      </Grid>
    </InfoCard>
  );
}
