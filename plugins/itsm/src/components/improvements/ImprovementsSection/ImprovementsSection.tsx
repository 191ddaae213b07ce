import { ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import {
  IMPROVEMENTS_SIGNAL_CHANNEL,
  OPEN_IMPROVEMENT_STATUSES,
} from '@backstage-itsm/plugin-itsm-common';
import { itsmApiRef } from '../../../api';
import { useOnSignal } from '../../../hooks/useOnSignal';
import { ImprovementsTable } from '../ImprovementsPage/ImprovementsTable';
import { RaiseImprovementButton } from '../RaiseImprovementButton';

/** Items read for the service: the open ones, then this many of the others. */
const LIMIT = 200;

/**
 * The improvement items of one service: the open ones (proposed, approved, in progress)
 * first, each group by score, as far as the signed-in user may read them; "Raise
 * improvement" with the service pre-filled. For an entity page.
 */
export function ImprovementsSection(props: { entityRef: string }) {
  const { entityRef } = props;
  const itsmApi = useApi(itsmApiRef);
  const { value, loading, error, retry } = useAsyncRetry(async () => {
    const { items } = await itsmApi.listImprovements({
      entityRef,
      sort: 'score',
      order: 'desc',
      limit: LIMIT,
    });
    const open = items.filter(i =>
      OPEN_IMPROVEMENT_STATUSES.includes(i.status),
    );
    const other = items.filter(
      i => !OPEN_IMPROVEMENT_STATUSES.includes(i.status),
    );
    return [...open, ...other];
  }, [itsmApi, entityRef]);
  // An item raised or moved anywhere may be one of this service's.
  useOnSignal(IMPROVEMENTS_SIGNAL_CHANNEL, () => retry());

  return (
    <>
      <Box display="flex" alignItems="center" mb={2}>
        <Typography variant="body2" color="textSecondary">
          Improvement items and corrective actions on this service, open ones
          first, by score.
        </Typography>
        <Box ml="auto">
          <RaiseImprovementButton
            variant="contained"
            size="medium"
            entityRefs={[entityRef.toLocaleLowerCase('en-US')]}
          />
        </Box>
      </Box>
      {error ? (
        <ResponseErrorPanel
          error={error}
          title="Could not load improvement items"
        />
      ) : (
        <ImprovementsTable
          title="Improvements"
          subtitle="Open first, then the others, by score"
          items={value ?? []}
          loading={loading}
          hideServices
          emptyContent={
            <Box p={4} textAlign="center">
              <Typography variant="h6" gutterBottom>
                No improvement items
              </Typography>
              <Typography variant="body2" color="textSecondary">
                Nothing has been raised on this service, as far as you may see.
              </Typography>
            </Box>
          }
        />
      )}
    </>
  );
}

/** The "Improvements" entity tab: the entity's improvement items. */
export function EntityImprovementsContent() {
  const { entity } = useEntity();
  return <ImprovementsSection entityRef={stringifyEntityRef(entity)} />;
}
