import { useMemo, type ReactNode } from 'react';
import { Table, type TableColumn } from '@backstage/core-components';
import { EntityRefLinks } from '@backstage/plugin-catalog-react';
import Typography from '@material-ui/core/Typography';
import type { KnownError } from '@backstage-itsm/plugin-itsm-common';
import { KnownErrorStatusChip } from '../ProblemBadges';
import { KnownErrorLink, ProblemLink } from '../ProblemLink';

const COLUMNS: TableColumn<KnownError>[] = [
  {
    title: 'ID',
    field: 'id',
    width: '7em',
    render: ke => (
      <Typography variant="body2" component="span" noWrap>
        <KnownErrorLink id={ke.id} />
      </Typography>
    ),
  },
  { title: 'Title', field: 'title', highlight: true },
  {
    title: 'Status',
    field: 'status',
    render: ke => <KnownErrorStatusChip status={ke.status} />,
  },
  {
    title: 'Entities',
    field: 'entityRefs',
    render: ke => <EntityRefLinks entityRefs={ke.entityRefs} hideIcons />,
  },
  {
    title: 'Problem',
    field: 'problemId',
    render: ke => (ke.problemId ? <ProblemLink id={ke.problemId} /> : '—'),
  },
  {
    title: 'Offered / applied',
    field: 'offeredCount',
    render: ke => `${ke.offeredCount} / ${ke.appliedCount}`,
  },
  {
    title: 'Review by',
    field: 'reviewBy',
    render: ke => ke.reviewBy ?? '—',
  },
];

/** Known errors as a table: id, title, status, entities, problem, use and review date. */
export function KnownErrorsTable(props: {
  title: string;
  subtitle?: string;
  knownErrors: KnownError[];
  loading: boolean;
  emptyContent?: ReactNode;
  hideEntities?: boolean;
}) {
  const { hideEntities } = props;
  const columns = useMemo(
    () =>
      hideEntities
        ? COLUMNS.filter(column => column.field !== 'entityRefs')
        : COLUMNS,
    [hideEntities],
  );
  return (
    <Table<KnownError>
      title={props.title}
      subtitle={props.subtitle}
      columns={columns}
      data={props.knownErrors}
      isLoading={props.loading}
      emptyContent={props.emptyContent}
      options={{
        padding: 'dense',
        paging: props.knownErrors.length > 20,
        pageSize: 20,
        search: false,
        sorting: false,
      }}
    />
  );
}
