import type { ReactNode } from 'react';
import Box from '@material-ui/core/Box';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { formatRelativeTime } from '../components/shared/format';
import type { VersionedRecord } from './RecordKind';

/** An instant relative to now (`5m ago`), the date and time on hover. */
export function Instant(props: { at: string }) {
  return (
    <span title={new Date(props.at).toLocaleString()}>
      {formatRelativeTime(props.at)}
    </span>
  );
}

/** Props of {@link RecordHeader}. */
export interface RecordHeaderProps {
  record: VersionedRecord & { title: string };
  /** What the overline says after `<id> · version <n>`, e.g. ` · plan revision 3`. */
  overline?: ReactNode;
  /** `h2` where the record sits inside another page (an entity tab): a smaller heading. */
  headingComponent?: 'h1' | 'h2';
  /** The status chips and flags under the title. */
  badges: ReactNode;
  /** The test id of the badges' row. */
  badgesTestId?: string;
  /** The facts: `Grid` items. */
  children: ReactNode;
}

/**
 * The top of a record's page: `<id> · version <n>` above the title (the page's heading),
 * the practice's status chips in a row, and its facts in a grid.
 */
export function RecordHeader(props: RecordHeaderProps) {
  const { record } = props;
  return (
    <Box component="header" mb={2}>
      <Typography variant="overline" color="textSecondary" component="div">
        {record.id} · version {record.version}
        {props.overline}
      </Typography>
      <Typography
        variant={props.headingComponent === 'h2' ? 'h5' : 'h4'}
        component={props.headingComponent ?? 'h1'}
        gutterBottom
      >
        {record.title}
      </Typography>
      <Box
        display="flex"
        flexWrap="wrap"
        alignItems="center"
        style={{ gap: 8 }}
        mb={2}
        data-testid={props.badgesTestId}
      >
        {props.badges}
      </Box>
      <Grid container spacing={3}>
        {props.children}
      </Grid>
    </Box>
  );
}
