import { useMemo, type ReactNode } from 'react';
import { Table, type TableColumn } from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Tooltip from '@material-ui/core/Tooltip';
import Typography from '@material-ui/core/Typography';
import WarningIcon from '@material-ui/icons/Warning';
import type { Change } from '@backstage-itsm/plugin-itsm-common';
import { ChangeStatusChip, RiskChip } from '../ChangeBadges';
import { ChangeLink } from '../ChangeLink';
import { formatWindow, humanizeCode } from '../../shared/format';

function Conflicts(props: { change: Change }) {
  const { conflicts } = props.change;
  if (conflicts.length === 0) {
    return (
      <Typography variant="body2" color="textSecondary" component="span">
        None
      </Typography>
    );
  }
  return (
    <Tooltip
      title={
        <ul style={{ margin: 0, paddingLeft: 16 }}>
          {conflicts.map((c, i) => (
            <li key={i}>{c.message}</li>
          ))}
        </ul>
      }
    >
      <Typography
        variant="body2"
        component="span"
        color="error"
        aria-label={`${conflicts.length} conflicts: ${conflicts
          .map(c => c.message)
          .join('; ')}`}
        style={{ display: 'inline-flex', alignItems: 'center', gap: 4 }}
      >
        <WarningIcon fontSize="small" /> {conflicts.length}
      </Typography>
    </Tooltip>
  );
}

const COLUMNS: TableColumn<Change>[] = [
  {
    title: 'ID',
    field: 'id',
    width: '8em',
    render: change => (
      <Typography variant="body2" component="span" noWrap>
        <ChangeLink id={change.id} />
      </Typography>
    ),
  },
  {
    title: 'Title',
    field: 'title',
    highlight: true,
    cellStyle: { minWidth: 220 },
  },
  { title: 'Type', field: 'type', render: change => humanizeCode(change.type) },
  {
    title: 'Status',
    field: 'status',
    render: change => <ChangeStatusChip status={change.status} />,
  },
  {
    title: 'Risk',
    field: 'risk',
    render: change => <RiskChip risk={change.risk} />,
  },
  {
    title: 'Window',
    field: 'plannedStart',
    render: change => formatWindow(change.plannedStart, change.plannedEnd),
  },
  {
    title: 'Conflicts',
    field: 'conflicts',
    render: change => <Conflicts change={change} />,
  },
  {
    title: 'Requester',
    field: 'requester',
    render: change => <EntityRefLink entityRef={change.requester} hideIcon />,
  },
];

/** A table of changes in the given order: id (linking to its page), title, type, status, risk, window, conflicts, requester. */
export function ChangesTable(props: {
  changes: Change[];
  loading?: boolean;
  title?: string;
  subtitle?: string;
  emptyContent?: ReactNode;
}) {
  // Stable columns: material-table resets its sort and paging when they change.
  const columns = useMemo(() => COLUMNS, []);
  return (
    <Table<Change>
      title={props.title ?? 'Changes'}
      subtitle={props.subtitle}
      columns={columns}
      data={props.changes}
      isLoading={props.loading}
      emptyContent={props.emptyContent}
      options={{
        padding: 'dense',
        paging: props.changes.length > 20,
        pageSize: 20,
        search: false,
        sorting: false,
      }}
    />
  );
}
