import { useCallback, useMemo, useState } from 'react';
import { Route, Routes, useNavigate } from 'react-router-dom';
import useDebounce from 'react-use/esm/useDebounce';
import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import AddIcon from '@material-ui/icons/Add';
import {
  COMPLAINT_STATUSES,
  COMPLAINTS_SIGNAL_CHANNEL,
  type Complaint,
  type ComplaintStatus,
} from '@backstage-itsm/plugin-itsm-common';
import { itsmApiRef, type ListComplaintsOptions } from '../../../api';
import { useOnSignal } from '../../../hooks/useOnSignal';
import { usePagedList } from '../../../hooks/usePagedList';
import { RecordListPage } from '../../../records';
import { useRecordPath } from '../../incidents/IncidentLink';
import { EntityRefPicker } from '../../shared/EntityRefPicker';
import { MultiFilter, orAny } from '../../shared/MultiFilter';
import { useViewer, type Viewer } from '../ComplaintActions';
import { ComplaintPage } from '../ComplaintPage';
import { ComplaintsTable } from '../ComplaintsTable';
import { RaiseComplaintDialog } from '../RaiseComplaintDialog';
import { formatComplaintStatus } from '../record/complaintKind';
import { complaintRouteRef } from '../routes';

const DEBOUNCE_MS = 300;

/** Whose complaints the list shows. */
type Whose = 'all' | 'raised' | 'owned';

function whoseFilter(
  whose: Whose,
  viewer: Viewer | undefined,
): Partial<ListComplaintsOptions> {
  if (!viewer || whose === 'all') return {};
  return whose === 'raised'
    ? { complainant: [viewer.userEntityRef] }
    : {
        owner: [
          ...new Set([viewer.userEntityRef, ...viewer.ownershipEntityRefs]),
        ],
      };
}

/**
 * `/itsm/complaints`: every complaint the signed-in user may read, newest first, filtered on
 * the server by status, whose (raised by me, owned by me or my groups) and service, paged
 * with "Load more"; "Raise complaint" above.
 */
export function ComplaintsListPage() {
  const itsmApi = useApi(itsmApiRef);
  const navigate = useNavigate();
  const complaintPath = useRecordPath(complaintRouteRef);
  const viewer = useViewer();
  const [raising, setRaising] = useState(false);
  const [generation, setGeneration] = useState(0);
  const [statuses, setStatuses] = useState<ComplaintStatus[]>([]);
  const [whose, setWhose] = useState<Whose>('all');
  const [entityRef, setEntityRef] = useState<string | null>(null);
  const [entity, setEntity] = useState('');
  useDebounce(() => setEntity(entityRef?.trim() ?? ''), DEBOUNCE_MS, [
    entityRef,
  ]);
  useOnSignal(COMPLAINTS_SIGNAL_CHANNEL, () => setGeneration(n => n + 1));

  const statusKey = orAny(statuses, COMPLAINT_STATUSES).join(',');
  const whoseKey = JSON.stringify(whoseFilter(whose, viewer));
  const query = useMemo<ListComplaintsOptions>(
    () => ({
      ...(statusKey
        ? { status: statusKey.split(',') as ComplaintStatus[] }
        : {}),
      ...JSON.parse(whoseKey),
      ...(entity.includes(':') ? { entityRef: entity } : {}),
      limit: 50,
    }),
    [statusKey, whoseKey, entity],
  );
  const fetchPage = useCallback(
    (cursor?: string) =>
      itsmApi.listComplaints(cursor ? { ...query, cursor } : query),
    // A new generation (a complaint raised or moved) reads the list again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [itsmApi, query, generation],
  );
  const { items, ...list } = usePagedList<Complaint>(fetchPage);
  const filtered = Object.keys(query).length > 1;

  const filters = (
    <Box
      display="flex"
      flexWrap="wrap"
      alignItems="center"
      style={{ gap: 12 }}
      mb={1}
    >
      <MultiFilter
        id="itsm-complaint-status-filter"
        label="Status"
        anyText="All statuses"
        options={COMPLAINT_STATUSES}
        format={formatComplaintStatus}
        value={statuses}
        onChange={setStatuses}
      />
      <TextField
        id="itsm-complaint-whose-filter"
        select
        size="small"
        variant="outlined"
        label="Whose"
        value={whose}
        onChange={event => setWhose(event.target.value as Whose)}
        SelectProps={{ native: true }}
        InputLabelProps={{ shrink: true }}
        disabled={!viewer}
      >
        <option value="all">All I may see</option>
        <option value="raised">Raised by me</option>
        <option value="owned">Owned by me or my groups</option>
      </TextField>
      <Box minWidth={280}>
        <EntityRefPicker
          id="itsm-complaint-entity-filter"
          label="Service"
          kinds={['Component', 'Resource', 'System', 'API']}
          value={entityRef}
          onChange={setEntityRef}
        />
      </Box>
    </Box>
  );

  return (
    <Box p={3}>
      <Box display="flex" alignItems="center" mb={1}>
        <Typography variant="h4" component="h1">
          Complaints
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
      <RecordListPage
        list={list}
        errorTitle="Could not load complaints"
        filters={filters}
      >
        <ComplaintsTable
          title="Complaints"
          subtitle={
            filtered
              ? 'Filtered complaints, newest first'
              : 'All complaints you may see, newest first'
          }
          complaints={items}
          loading={list.loading}
          emptyContent={
            <Box p={4} textAlign="center">
              <Typography variant="h6" gutterBottom>
                {filtered
                  ? 'No complaints match these filters'
                  : 'No complaints yet'}
              </Typography>
            </Box>
          }
        />
      </RecordListPage>
      <RaiseComplaintDialog
        open={raising}
        onClose={() => setRaising(false)}
        onCreated={complaint => {
          setRaising(false);
          setGeneration(n => n + 1);
          if (complaintPath) navigate(complaintPath(complaint.id));
        }}
      />
    </Box>
  );
}

/**
 * The Complaints page of the new frontend system, mounted at `/itsm/complaints`: the list
 * (the index) and `:id` (one complaint).
 */
export function ComplaintsPage() {
  return (
    <Routes>
      <Route path="/" element={<ComplaintsListPage />} />
      <Route path=":id" element={<ComplaintPage />} />
    </Routes>
  );
}
