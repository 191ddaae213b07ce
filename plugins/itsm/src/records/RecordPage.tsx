import type { ReactNode } from 'react';
import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import { WriteErrorAlert } from '../components/shared/WriteErrorAlert';
import type { RecordKind, VersionedRecord } from './RecordKind';
import type { LiveRecord } from './useRecord';

/**
 * The shell of one record's page: progress while it loads, the error (a 404 included) when
 * it cannot, a failed reload above the page once it has loaded, and the practice's page.
 */
export function RecordPage<T extends VersionedRecord>(props: {
  kind: RecordKind<T, any, any>;
  id: string;
  live: LiveRecord<T>;
  children: (record: T) => ReactNode;
}) {
  const { kind, id, live } = props;
  const { record, error } = live;
  if (error && !record) {
    return (
      <Box p={3}>
        <ResponseErrorPanel error={error} title={`Could not load ${id}`} />
      </Box>
    );
  }
  if (!record) {
    return <Progress />;
  }
  return (
    <Box p={3}>
      {error && (
        <Box mb={2}>
          <WriteErrorAlert error={error} recordName={kind.noun} />
        </Box>
      )}
      {props.children(record)}
    </Box>
  );
}
