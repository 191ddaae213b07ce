import { useMemo, type ReactNode } from 'react';
import { Table, type TableColumn } from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Typography from '@material-ui/core/Typography';
import {
  PRIORITY_LABELS,
  type Incident,
} from '@backstage-itsm/plugin-itsm-common';
import { IncidentLink } from '../IncidentLink';
import { formatIncidentStatus, slaTimeLeftMs } from '../../shared/format';
import { Instant } from '../../../records';
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

/**
 * Orders by resolution time left, least first: breached clocks first (longest breached
 * first), then running and paused ones, then incidents without a clock to beat.
 */
export function compareSlaTimeLeft(a: Incident, b: Incident): number {
  const now = new Date();
  const left = (incident: Incident) =>
    slaTimeLeftMs(incident.sla?.resolution, now) ?? Number.POSITIVE_INFINITY;
  const diff = left(a) - left(b);
  return Number.isNaN(diff) ? 0 : diff;
}

function buildColumns(options: {
  showService?: boolean;
  sortBySlaTimeLeft?: boolean;
}): TableColumn<Incident>[] {
  return [
    {
      title: 'ID',
      field: 'id',
      width: '8em',
      render: incident => (
        <Typography variant="body2" component="span" noWrap>
          <IncidentLink id={incident.id} />
        </Typography>
      ),
    },
    {
      title: 'Title',
      field: 'title',
      highlight: true,
      cellStyle: { minWidth: 240 },
    },
    ...(options.showService
      ? [
          {
            title: 'Service',
            field: 'entityRef',
            render: (incident: Incident) => (
              <EntityRefLink entityRef={incident.entityRef} hideIcon />
            ),
          },
        ]
      : []),
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
      customSort: compareSlaTimeLeft,
      ...(options.sortBySlaTimeLeft ? { defaultSort: 'asc' as const } : {}),
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
      ...(options.sortBySlaTimeLeft ? {} : { defaultSort: 'desc' as const }),
      render: incident => <Instant at={incident.createdAt} />,
    },
  ];
}

/** Props of {@link IncidentsTable}. */
export interface IncidentsTableProps {
  incidents: Incident[];
  loading?: boolean;
  title?: string;
  subtitle?: string;
  /** Shown instead of the rows when there are no incidents. */
  emptyContent?: ReactNode;
  /** Adds the service column (for lists that span services). */
  showService?: boolean;
  /** Sorts by resolution time left, least first, instead of newest first. */
  sortBySlaTimeLeft?: boolean;
  /** Hides the table's own search, for a caller that filters on the server. */
  hideSearch?: boolean;
}

/** A table of incidents: id (linking to its page), title, priority, status, resolution SLA, assignee, created. */
export function IncidentsTable(props: IncidentsTableProps) {
  const { showService, sortBySlaTimeLeft } = props;
  // Stable columns: material-table resets its sort and paging when they change.
  const columns = useMemo(
    () => buildColumns({ showService, sortBySlaTimeLeft }),
    [showService, sortBySlaTimeLeft],
  );
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
        search: !props.hideSearch && props.incidents.length > 0,
      }}
    />
  );
}
