import { useApi } from '@backstage/core-plugin-api';
import { ResponseErrorPanel } from '@backstage/core-components';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { CHANGES_SIGNAL_CHANNEL } from '@backstage-itsm/plugin-itsm-common';
import { itsmApiRef } from '../../../api';
import { useOnSignal } from '../../../hooks/useOnSignal';
import { ChangesTable } from '../ChangesTable';
import { RequestChangeButton } from '../RequestChange';
import { ChangeStatsSummary } from './ChangeStatsSummary';
import {
  FINISHED_CHANGE_STATUSES,
  OPEN_CHANGE_STATUSES,
  orderForEntity,
} from './orderChanges';

/** The period of the change-failure figures. */
const STATS_DAYS = 90;
/** Finished changes shown after the open ones. */
const RECENT_FINISHED = 10;

/**
 * The "Changes" tab of an entity page: its open changes, soonest planned first, then the
 * recently finished ones; its change-failure figures; and "Request a change". Kept live by
 * the `itsm:changes` signal.
 */
export function EntityChangesContent() {
  const itsmApi = useApi(itsmApiRef);
  const { entity } = useEntity();
  const entityRef = stringifyEntityRef(entity);
  const { value, loading, error, retry } = useAsyncRetry(async () => {
    const [open, finished, stats] = await Promise.all([
      itsmApi.listChanges({
        entityRef,
        status: OPEN_CHANGE_STATUSES,
        limit: 200,
      }),
      itsmApi.listChanges({
        entityRef,
        status: FINISHED_CHANGE_STATUSES,
        limit: RECENT_FINISHED,
      }),
      itsmApi.getChangeStats({ entityRef, days: STATS_DAYS }),
    ]);
    return {
      changes: orderForEntity(open.items, finished.items),
      stats,
    };
  }, [itsmApi, entityRef]);

  useOnSignal(CHANGES_SIGNAL_CHANNEL, () => retry());

  return (
    <>
      <Box
        display="flex"
        flexWrap="wrap"
        alignItems="center"
        justifyContent="space-between"
        mb={2}
        style={{ gap: 16 }}
      >
        {value && <ChangeStatsSummary stats={value.stats} days={STATS_DAYS} />}
        <Box ml="auto">
          <RequestChangeButton entityRef={entityRef} onCreated={retry} />
        </Box>
      </Box>
      {error ? (
        <ResponseErrorPanel error={error} title="Could not load changes" />
      ) : (
        <ChangesTable
          title="Changes"
          subtitle="Open changes, soonest first, then recently finished ones"
          changes={value?.changes ?? []}
          loading={loading}
          emptyContent={
            <Box p={4} textAlign="center">
              <Typography variant="h6" gutterBottom>
                No changes yet
              </Typography>
              <Typography variant="body2" color="textSecondary">
                Nothing has been requested on this entity.
              </Typography>
            </Box>
          }
        />
      )}
    </>
  );
}
