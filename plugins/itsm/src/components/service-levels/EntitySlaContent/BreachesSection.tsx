import { useCallback, useState } from 'react';
import { useApi } from '@backstage/core-plugin-api';
import {
  InfoCard,
  ResponseErrorPanel,
  Progress,
} from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import type { SlaBreach } from '@backstage-itsm/plugin-itsm-common';
import { itsmApiRef } from '../../../api';
import { usePagedList } from '../../../hooks/usePagedList';
import { IncidentLink } from '../../incidents/IncidentLink';
import { ImprovementLink } from '../../improvements/ImprovementLink';
import { RaiseImprovementButton } from '../../improvements/RaiseImprovementButton';
import { BreachDialog } from './BreachDialog';

/**
 * The breach register of the entity, newest first: the record, clock, priority, when, cause,
 * action, waiver and improvement item; "Edit" opens the cause/action/waiver dialog, "Raise
 * improvement" the improvement form pre-filled from the breach (its item once raised).
 */
export function BreachesSection(props: { entityRef: string }) {
  const itsmApi = useApi(itsmApiRef);
  const fetchPage = useCallback(
    (cursor?: string) =>
      itsmApi.listBreaches({ entityRef: props.entityRef, limit: 50, cursor }),
    [itsmApi, props.entityRef],
  );
  const list = usePagedList<SlaBreach>(fetchPage);
  const [editing, setEditing] = useState<SlaBreach>();

  let body;
  if (list.error) {
    body = <ResponseErrorPanel error={list.error} />;
  } else if (list.loading && list.items.length === 0) {
    body = <Progress />;
  } else if (list.items.length === 0) {
    body = (
      <Typography variant="body2" color="textSecondary">
        No breaches recorded.
      </Typography>
    );
  } else {
    body = (
      <Table size="small" aria-label="Breaches">
        <TableHead>
          <TableRow>
            <TableCell>Breach</TableCell>
            <TableCell>Record</TableCell>
            <TableCell>Clock</TableCell>
            <TableCell>Priority</TableCell>
            <TableCell>Breached at</TableCell>
            <TableCell>Cause</TableCell>
            <TableCell>Action</TableCell>
            <TableCell>Waiver</TableCell>
            <TableCell>Improvement</TableCell>
            <TableCell />
          </TableRow>
        </TableHead>
        <TableBody>
          {list.items.map(breach => (
            <TableRow key={breach.id}>
              <TableCell>{breach.id}</TableCell>
              <TableCell>
                {breach.recordId.startsWith('INC-') ? (
                  <IncidentLink id={breach.recordId} />
                ) : (
                  breach.recordId
                )}
              </TableCell>
              <TableCell>{breach.clock}</TableCell>
              <TableCell>P{breach.priority}</TableCell>
              <TableCell>
                {new Date(breach.breachedAt).toLocaleString()}
              </TableCell>
              <TableCell>{breach.cause ?? '–'}</TableCell>
              <TableCell>{breach.action ?? '–'}</TableCell>
              <TableCell>
                {breach.waiver
                  ? `Waived: ${breach.waiver.reason} (${breach.waiver.approver})`
                  : '–'}
              </TableCell>
              <TableCell>
                {breach.improvementId ? (
                  <ImprovementLink id={breach.improvementId} />
                ) : (
                  <RaiseImprovementButton
                    source="sla_breach"
                    sourceId={breach.id}
                    label="Raise"
                    variant="text"
                  />
                )}
              </TableCell>
              <TableCell>
                <Button
                  size="small"
                  aria-label={`Edit ${breach.id}`}
                  onClick={() => setEditing(breach)}
                >
                  Edit
                </Button>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    );
  }
  return (
    <InfoCard
      title="Breaches"
      subheader="The breach register: cause, action and waivers"
    >
      {body}
      {list.hasMore && (
        <Box mt={1}>
          <Button onClick={list.loadMore} disabled={list.loadingMore}>
            Load more
          </Button>
        </Box>
      )}
      <BreachDialog
        breach={editing}
        onClose={() => setEditing(undefined)}
        onSaved={() => {
          setEditing(undefined);
          list.retry();
        }}
        onReload={async () => {
          if (!editing) return;
          setEditing(await itsmApi.getBreach({ id: editing.id }));
          list.retry();
        }}
      />
    </InfoCard>
  );
}
