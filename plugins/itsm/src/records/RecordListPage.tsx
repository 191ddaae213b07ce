import type { ReactNode } from 'react';
import { ResponseErrorPanel } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';

/** The state of a paged list, as `usePagedList` answers it. */
export interface PagedListState {
  loading: boolean;
  error?: Error;
  hasMore: boolean;
  loadingMore: boolean;
  loadMore: () => void;
}

/**
 * The shell of a list page: the practice's filters above, its table (or the error when the
 * list cannot be read), and "Load more" while the server has more pages.
 */
export function RecordListPage(props: {
  list: PagedListState;
  /** The title of the error panel, e.g. `Could not load changes`. */
  errorTitle: string;
  filters?: ReactNode;
  /** The table of the items loaded so far. */
  children: ReactNode;
}) {
  const { list } = props;
  return (
    <Box p={3}>
      {props.filters}
      {list.error ? (
        <ResponseErrorPanel error={list.error} title={props.errorTitle} />
      ) : (
        props.children
      )}
      <LoadMoreButton list={list} />
    </Box>
  );
}

/** "Load more" under a paged list, while the server has more and the list has loaded. */
export function LoadMoreButton(props: { list: PagedListState }) {
  const { list } = props;
  if (!list.hasMore || list.error || list.loading) {
    return null;
  }
  return (
    <Box display="flex" justifyContent="flex-end" mt={1}>
      <Button
        variant="outlined"
        onClick={() => list.loadMore()}
        disabled={list.loadingMore}
      >
        {list.loadingMore ? 'Loading…' : 'Load more'}
      </Button>
    </Box>
  );
}
