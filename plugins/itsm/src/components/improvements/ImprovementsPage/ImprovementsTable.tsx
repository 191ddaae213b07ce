import type { ReactNode } from 'react';
import { Table, type TableColumn } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import type { Improvement } from '@backstage-itsm/plugin-itsm-common';
import { shortRef } from '../../shared/format';
import {
  ImprovementOverdueChip,
  ImprovementStatusChip,
  VerdictChip,
} from '../ImprovementBadges';
import { ImprovementLink } from '../ImprovementLink';
import {
  formatImprovementKind,
  formatImprovementSource,
} from '../record/improvementKind';

/** Short values stay on one line; the title takes the room left and wraps. */
const NO_WRAP = { whiteSpace: 'nowrap' } as const;

const chips = { display: 'flex', flexWrap: 'wrap', gap: 4 } as const;

const COLUMNS: TableColumn<Improvement>[] = [
  {
    title: 'ID',
    field: 'id',
    width: '6em',
    cellStyle: NO_WRAP,
    render: item => (
      <Typography variant="body2" component="span" noWrap>
        <ImprovementLink id={item.id} />
      </Typography>
    ),
  },
  {
    title: 'Title',
    field: 'title',
    width: '30%',
    cellStyle: { minWidth: '14em' },
    render: item => (
      <>
        <Typography variant="body2" component="div">
          <strong>{item.title}</strong>
        </Typography>
        {item.kind === 'corrective_action' && (
          <Typography variant="caption" color="textSecondary">
            {formatImprovementKind(item.kind)}
          </Typography>
        )}
      </>
    ),
  },
  {
    title: 'Status',
    field: 'status',
    render: item => (
      <Box style={chips}>
        <ImprovementStatusChip status={item.status} />
        {item.verdict && <VerdictChip verdict={item.verdict} />}
      </Box>
    ),
  },
  {
    title: 'Score',
    field: 'priority.score',
    type: 'numeric',
    width: '6em',
    render: item => item.priority.score,
  },
  {
    title: 'Source',
    field: 'source',
    cellStyle: { minWidth: '9em' },
    render: item => (
      <>
        {formatImprovementSource(item.source)}
        {item.sourceId && (
          <Typography
            variant="caption"
            color="textSecondary"
            component="div"
            style={NO_WRAP}
          >
            {item.sourceId}
          </Typography>
        )}
      </>
    ),
  },
  {
    title: 'Services',
    field: 'entityRefs',
    render: item =>
      item.entityRefs.map(ref => (
        <div key={ref} style={NO_WRAP}>
          {shortRef(ref)}
        </div>
      )),
  },
  {
    title: 'Owner',
    field: 'owner',
    cellStyle: NO_WRAP,
    render: item => (item.owner ? shortRef(item.owner) : '—'),
  },
  {
    title: 'Target date',
    field: 'targetDate',
    render: item => (
      <Box style={chips} alignItems="center">
        <span style={NO_WRAP}>{item.targetDate ?? '—'}</span>
        {item.overdue && (
          <ImprovementOverdueChip targetDate={item.targetDate} />
        )}
      </Box>
    ),
  },
];

// Stable columns: material-table resets when they change.
const COLUMNS_WITHOUT_SERVICES = COLUMNS.filter(
  column => column.field !== 'entityRefs',
);

/**
 * Improvement items as a table in the order given (the server's sort): id, title (corrective
 * actions say so), status with the verdict, score, source (its record), services, owner and
 * target date (overdue).
 */
export function ImprovementsTable(props: {
  title: string;
  subtitle?: string;
  items: Improvement[];
  loading: boolean;
  emptyContent?: ReactNode;
  /** Leave out the services column (on a service's own page). */
  hideServices?: boolean;
}) {
  const columns = props.hideServices ? COLUMNS_WITHOUT_SERVICES : COLUMNS;
  return (
    <Table<Improvement>
      title={props.title}
      subtitle={props.subtitle}
      columns={columns}
      data={props.items}
      isLoading={props.loading}
      emptyContent={props.emptyContent}
      options={{
        paging: false,
        search: false,
        sorting: false,
        padding: 'dense',
      }}
    />
  );
}
