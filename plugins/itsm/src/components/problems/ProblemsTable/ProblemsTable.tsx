import { useMemo, type ReactNode } from 'react';
import { Table, type TableColumn } from '@backstage/core-components';
import { EntityRefLinks } from '@backstage/plugin-catalog-react';
import Typography from '@material-ui/core/Typography';
import type { Problem } from '@backstage-itsm/plugin-itsm-common';
import { PriorityChip } from '../../incidents/IncidentBadges';
import {
  formatRelativeTime,
  humanizeCode,
  shortRef,
} from '../../shared/format';
import { ProblemStatusChip } from '../ProblemBadges';
import { ProblemLink } from '../ProblemLink';

const COLUMNS: TableColumn<Problem>[] = [
  {
    title: 'ID',
    field: 'id',
    width: '8em',
    render: problem => (
      <Typography variant="body2" component="span" noWrap>
        <ProblemLink id={problem.id} />
      </Typography>
    ),
  },
  { title: 'Title', field: 'title', highlight: true },
  {
    title: 'Status',
    field: 'status',
    render: problem => <ProblemStatusChip status={problem.status} />,
  },
  {
    title: 'Priority',
    field: 'priority',
    render: problem => <PriorityChip priority={problem.priority} />,
  },
  {
    title: 'Origin',
    field: 'origin',
    render: problem => humanizeCode(problem.origin),
  },
  {
    title: 'Entities',
    field: 'entityRefs',
    render: problem => (
      <EntityRefLinks entityRefs={problem.entityRefs} hideIcons />
    ),
  },
  {
    title: 'Owner',
    field: 'owner',
    render: problem => (problem.owner ? shortRef(problem.owner) : '—'),
  },
  { title: 'Incidents', field: 'incidentCount', type: 'numeric' },
  {
    title: 'Raised',
    field: 'createdAt',
    render: problem => formatRelativeTime(problem.createdAt),
  },
];

/** Problems as a table: id, title, status, priority, origin, entities, owner, incidents. */
export function ProblemsTable(props: {
  title: string;
  subtitle?: string;
  problems: Problem[];
  loading: boolean;
  emptyContent?: ReactNode;
  /** Leave out the entities column (on an entity's own page). */
  hideEntities?: boolean;
}) {
  // Stable columns: material-table resets its sort and paging when they change.
  const { hideEntities } = props;
  const columns = useMemo(
    () =>
      hideEntities
        ? COLUMNS.filter(column => column.field !== 'entityRefs')
        : COLUMNS,
    [hideEntities],
  );
  return (
    <Table<Problem>
      title={props.title}
      subtitle={props.subtitle}
      columns={columns}
      data={props.problems}
      isLoading={props.loading}
      options={{
        padding: 'dense',
        paging: props.problems.length > 20,
        pageSize: 20,
        search: false,
        sorting: false,
      }}
      emptyContent={props.emptyContent}
    />
  );
}
