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

const COLUMNS: TableColumn<Improvement>[] = [
  {
    title: 'ID',
    field: 'id',
    width: '7em',
    render: item => (
      <Typography variant="body2" component="span" noWrap>
        <ImprovementLink id={item.id} />
      </Typography>
    ),
  },
  { title: 'Title', field: 'title', highlight: true },
  {
    title: 'Status',
    field: 'status',
    render: item => <ImprovementStatusChip status={item.status} />,
  },
  {
    title: 'Score',
    field: 'priority.score',
    type: 'numeric',
    render: item => item.priority.score,
  },
  {
    title: 'Kind',
    field: 'kind',
    render: item => formatImprovementKind(item.kind),
  },
  {
    title: 'Source',
    field: 'source',
    render: item => formatImprovementSource(item.source),
  },
  {
    title: 'Services',
    field: 'entityRefs',
    render: item => item.entityRefs.map(shortRef).join(', '),
  },
  {
    title: 'Owner',
    field: 'owner',
    render: item => (item.owner ? shortRef(item.owner) : '—'),
  },
  {
    title: 'Target date',
    field: 'targetDate',
    render: item => (
      <Box display="flex" alignItems="center" style={{ gap: 4 }}>
        {item.targetDate ?? '—'}
        {item.overdue && (
          <ImprovementOverdueChip targetDate={item.targetDate} />
        )}
      </Box>
    ),
  },
  {
    title: 'Verdict',
    field: 'verdict',
    render: item =>
      item.verdict ? <VerdictChip verdict={item.verdict} /> : '—',
  },
];

// Stable columns: material-table resets when they change.
const COLUMNS_WITHOUT_SERVICES = COLUMNS.filter(
  column => column.field !== 'entityRefs',
);

/**
 * Improvement items as a table in the order given (the server's sort): id, title, status,
 * score, kind, source, services, owner, target date (overdue) and verdict.
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
