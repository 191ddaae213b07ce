import { useMemo, useState } from 'react';
import { useApi, identityApiRef } from '@backstage/core-plugin-api';
import {
  ResponseErrorPanel,
  Table,
  type TableColumn,
} from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import {
  CHANGES_SIGNAL_CHANNEL,
  type Change,
} from '@backstage-itsm/plugin-itsm-common';
import { itsmApiRef } from '../../../api';
import { useOnSignal } from '../../../hooks/useOnSignal';
import { ChangeTypeChip, RiskChip } from '../ChangeBadges';
import { DecisionForm } from '../ChangeApprovals';
import { ChangeLink } from '../ChangeLink';
import { formatChangeStatus, formatWindow } from '../../shared/format';
import { yourPart } from './yourPart';

type Row = Change & { part: string[] };

function columns(onDecided: (change: Change) => void): TableColumn<Row>[] {
  return [
    {
      title: 'Change',
      field: 'id',
      render: row => (
        <Box>
          <ChangeLink id={row.id} />
          <Typography variant="body2">{row.title}</Typography>
          <ChangeTypeChip type={row.type} />
        </Box>
      ),
    },
    {
      title: 'Requester',
      field: 'requester',
      render: row => <EntityRefLink entityRef={row.requester} hideIcon />,
    },
    {
      title: 'Risk',
      field: 'risk',
      render: row => <RiskChip risk={row.risk} />,
    },
    {
      title: 'Window',
      field: 'plannedStart',
      render: row => formatWindow(row.plannedStart, row.plannedEnd),
    },
    {
      title: 'Your part',
      field: 'part',
      render: row => (
        <Box aria-label={`Your part in ${row.id}`}>
          {row.part.map(text => (
            <Typography variant="body2" key={text}>
              {text}
            </Typography>
          ))}
        </Box>
      ),
    },
    {
      title: 'Decision',
      field: 'canDecide',
      cellStyle: { minWidth: 360 },
      render: row => (
        <DecisionForm change={row} onDecided={onDecided} compact />
      ),
    },
  ];
}

/**
 * `/itsm/approvals`: the changes in authorization waiting for the signed-in user's
 * decision (as change manager, CAB member or owner), what requirement their vote would
 * fill, and Approve/Reject with a comment on each row.
 */
export function ApprovalsPage() {
  const itsmApi = useApi(itsmApiRef);
  const identityApi = useApi(identityApiRef);
  const { value, loading, error, retry } = useAsyncRetry(async () => {
    const [queue, identity] = await Promise.all([
      itsmApi.getApprovalQueue(),
      identityApi.getBackstageIdentity(),
    ]);
    return queue.items.map(change => ({
      ...change,
      part: yourPart(change, identity.ownershipEntityRefs),
    }));
  }, [itsmApi, identityApi]);
  useOnSignal(CHANGES_SIGNAL_CHANNEL, () => retry());
  const [decided, setDecided] = useState<Change>();
  const tableColumns = useMemo(
    () =>
      columns(change => {
        setDecided(change);
        retry();
      }),
    [retry],
  );

  return (
    <Box p={3}>
      {decided && (
        <Box mb={2}>
          <Alert severity="success" role="status">
            Your decision on <ChangeLink id={decided.id} /> is recorded; it is
            now {formatChangeStatus(decided.status).toLocaleLowerCase('en-US')}.
          </Alert>
        </Box>
      )}
      {error ? (
        <ResponseErrorPanel
          error={error}
          title="Could not load your approvals"
        />
      ) : (
        <Table<Row>
          title="Waiting for my decision"
          subtitle="Changes in authorization where your approval counts"
          columns={tableColumns}
          data={value ?? []}
          isLoading={loading}
          options={{
            padding: 'dense',
            paging: false,
            search: false,
            sorting: false,
          }}
          emptyContent={
            <Box p={4} textAlign="center">
              <Typography variant="h6" gutterBottom>
                Nothing waits for your decision
              </Typography>
              <Typography variant="body2" color="textSecondary">
                Changes that need your approval appear here.
              </Typography>
            </Box>
          }
        />
      )}
    </Box>
  );
}
