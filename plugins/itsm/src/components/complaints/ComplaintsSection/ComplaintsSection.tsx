import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import AddIcon from '@material-ui/icons/Add';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import {
  COMPLAINTS_SIGNAL_CHANNEL,
  OPEN_COMPLAINT_STATUSES,
} from '@backstage-itsm/plugin-itsm-common';
import { itsmApiRef } from '../../../api';
import { useOnSignal } from '../../../hooks/useOnSignal';
import { useRecordPath } from '../../incidents/IncidentLink';
import { ComplaintsTable } from '../ComplaintsTable';
import { RaiseComplaintDialog } from '../RaiseComplaintDialog';
import { complaintRouteRef } from '../routes';

/** Complaints read for the service: the unanswered ones, then this many of the others. */
const LIMIT = 200;

/**
 * The complaints about one service (unanswered first, then the others, newest first) as far
 * as the signed-in user may read them, with "Raise complaint" for anyone. For an entity page
 * or a service review.
 */
export function ComplaintsSection(props: { entityRef: string }) {
  const { entityRef } = props;
  const itsmApi = useApi(itsmApiRef);
  const navigate = useNavigate();
  const complaintPath = useRecordPath(complaintRouteRef);
  const [raising, setRaising] = useState(false);
  const { value, loading, error, retry } = useAsyncRetry(async () => {
    const { items } = await itsmApi.listComplaints({ entityRef, limit: LIMIT });
    const open = items.filter(c => OPEN_COMPLAINT_STATUSES.includes(c.status));
    const other = items.filter(
      c => !OPEN_COMPLAINT_STATUSES.includes(c.status),
    );
    return [...open, ...other];
  }, [itsmApi, entityRef]);
  // A complaint raised or moved anywhere may be one of this service's.
  useOnSignal(COMPLAINTS_SIGNAL_CHANNEL, () => retry());

  return (
    <>
      <Box display="flex" alignItems="center" mb={2}>
        <Typography variant="body2" color="textSecondary">
          Complaints you raised, own, or that are about services you own.
        </Typography>
        <Box ml="auto">
          <Button
            variant="contained"
            color="primary"
            startIcon={<AddIcon />}
            onClick={() => setRaising(true)}
          >
            Raise complaint
          </Button>
        </Box>
      </Box>
      {error ? (
        <ResponseErrorPanel error={error} title="Could not load complaints" />
      ) : (
        <ComplaintsTable
          title="Complaints"
          subtitle="Unanswered first, then the others, newest first"
          complaints={value ?? []}
          loading={loading}
          hideService
          emptyContent={
            <Box p={4} textAlign="center">
              <Typography variant="h6" gutterBottom>
                No complaints
              </Typography>
              <Typography variant="body2" color="textSecondary">
                Nobody has complained about this service, as far as you may see.
              </Typography>
            </Box>
          }
        />
      )}
      <RaiseComplaintDialog
        open={raising}
        entityRef={entityRef}
        onClose={() => setRaising(false)}
        onCreated={complaint => {
          setRaising(false);
          if (complaintPath) navigate(complaintPath(complaint.id));
          else retry();
        }}
      />
    </>
  );
}
