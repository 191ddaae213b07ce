import type { ReactNode } from 'react';
import { Table, type TableColumn } from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Typography from '@material-ui/core/Typography';
import {
  PRIORITY_LABELS,
  type Incident,
} from '@backstage-itsm/plugin-itsm-common';
import { formatIncidentStatus, formatRelativeTime } from '../format';
import { SlaTimeLeft } from './SlaTimeLeft';

function Assignee({ incident }: { incident: Incident }) {
  if (incident.assignee) {
    return <EntityRefLink entityRef={incident.assignee} hideIcon />;
  }
  if (incident.assignmentGroup) {
    return <EntityRefLink entityRef={incident.assignmentGroup} hideIcon />;
  }
  return (
    <Typography variant="body2" color="textSecondary" component="span">
      Unassigned
    </Typography>
  );
}

const columns: TableColumn<Incident>[] = [
  {
    title: 'ID',
    field: 'id',
    width: '8em',
    render: incident => (
      <Typography variant="body2" component="span" noWrap>
        {incident.id}
      </Typography>
    ),
  },
  {
    title: 'Title',
    field: 'title',
    highlight: true,
    cellStyle: { minWidth: 240 },
  },
  {
    title: 'Priority',
    field: 'priority',
    render: incident => PRIORITY_LABELS[incident.priority],
  },
  {
    title: 'Status',
    field: 'status',
    render: incident => formatIncidentStatus(incident.status),
  },
  {
    title: 'Resolution SLA',
    field: 'sla.resolution.remainingMs',
    render: incident => <SlaTimeLeft clock={incident.sla?.resolution} />,
  },
  {
    title: 'Assignee',
    field: 'assignee',
    render: incident => <Assignee incident={incident} />,
  },
  {
    title: 'Created',
    field: 'createdAt',
    defaultSort: 'desc',
    render: incident => (
      <span title={new Date(incident.createdAt).toLocaleString()}>
        {formatRelativeTime(incident.createdAt)}
      </span>
    ),
  },
];

/** Props of {@link IncidentsTable}. */
export interface IncidentsTableProps {
  incidents: Incident[];
  loading?: boolean;
  title?: string;
  subtitle?: string;
  /** Shown instead of the rows when there are no incidents. */
  emptyContent?: ReactNode;
}

/** A table of incidents: id, title, priority, status, resolution SLA, assignee, created. */
export function IncidentsTable(props: IncidentsTableProps) {
  return (
    <Table<Incident>
      title={props.title ?? 'Incidents'}
      subtitle={props.subtitle}
      columns={columns}
      data={props.incidents}
      isLoading={props.loading}
      emptyContent={props.emptyContent}
      options={{
        padding: 'dense',
        paging: props.incidents.length > 10,
        pageSize: 10,
        pageSizeOptions: [10, 25, 50],
        search: props.incidents.length > 0,
      }}
    />
  );
}
