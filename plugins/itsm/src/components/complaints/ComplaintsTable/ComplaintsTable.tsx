import { useMemo, type ReactNode } from 'react';
import { Table, type TableColumn } from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import type { Complaint } from '@backstage-itsm/plugin-itsm-common';
import { formatRelativeTime, shortRef } from '../../shared/format';
import { ComplaintStatusChip, EscalatedChip } from '../ComplaintBadges';
import { ComplaintLink } from '../ComplaintLink';

const COLUMNS: TableColumn<Complaint>[] = [
  {
    title: 'ID',
    field: 'id',
    width: '8em',
    render: complaint => (
      <Typography variant="body2" component="span" noWrap>
        <ComplaintLink id={complaint.id} />
      </Typography>
    ),
  },
  { title: 'Title', field: 'title', highlight: true },
  {
    title: 'Status',
    field: 'status',
    render: complaint => (
      <Box display="flex" style={{ gap: 4 }}>
        <ComplaintStatusChip status={complaint.status} />
        {complaint.escalatedAt && <EscalatedChip at={complaint.escalatedAt} />}
      </Box>
    ),
  },
  {
    title: 'Service',
    field: 'entityRef',
    render: complaint => (
      <EntityRefLink entityRef={complaint.entityRef} hideIcon />
    ),
  },
  {
    title: 'Owner',
    field: 'owner',
    render: complaint => (complaint.owner ? shortRef(complaint.owner) : '—'),
  },
  {
    title: 'Raised by',
    field: 'complainant',
    render: complaint => shortRef(complaint.complainant),
  },
  {
    title: 'Raised',
    field: 'createdAt',
    render: complaint => formatRelativeTime(complaint.createdAt),
  },
];

/** Complaints as a table: id, title, status (escalated), service, owner, complainant, raised. */
export function ComplaintsTable(props: {
  title: string;
  subtitle?: string;
  complaints: Complaint[];
  loading: boolean;
  emptyContent?: ReactNode;
  /** Leave out the service column (on a service's own page). */
  hideService?: boolean;
}) {
  // Stable columns: material-table resets its sort and paging when they change.
  const { hideService } = props;
  const columns = useMemo(
    () =>
      hideService
        ? COLUMNS.filter(column => column.field !== 'entityRef')
        : COLUMNS,
    [hideService],
  );
  return (
    <Table<Complaint>
      title={props.title}
      subtitle={props.subtitle}
      columns={columns}
      data={props.complaints}
      isLoading={props.loading}
      options={{
        padding: 'dense',
        paging: props.complaints.length > 20,
        pageSize: 20,
        search: false,
        sorting: false,
      }}
      emptyContent={props.emptyContent}
    />
  );
}
