import { useCallback, useMemo, useState } from 'react';
import { Route, Routes, useNavigate } from 'react-router-dom';
import useDebounce from 'react-use/esm/useDebounce';
import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import AddIcon from '@material-ui/icons/Add';
import {
  KNOWN_ERROR_STATUSES,
  type KnownError,
  type KnownErrorStatus,
} from '@backstage-itsm/plugin-itsm-common';
import { itsmApiRef, type ListKnownErrorsOptions } from '../../../api';
import { usePagedList } from '../../../hooks/usePagedList';
import { RecordListPage } from '../../../records';
import { knownErrorRouteRef } from '../../../routes';
import { useRecordPath } from '../../incidents/IncidentLink';
import { EntityRefPicker } from '../../shared/EntityRefPicker';
import { humanizeCode } from '../../shared/format';
import { KnownErrorPage } from '../KnownErrorPage';
import {
  CreateKnownErrorDialog,
  emptyKnownErrorValues,
} from '../KnownErrorForm';
import { MultiFilter, orAny } from '../../shared/MultiFilter';
import { KnownErrorsTable } from './KnownErrorsTable';

const SEARCH_DEBOUNCE_MS = 300;

/**
 * `/itsm/known-errors`: the known-error database, newest first, filtered by status, entity
 * and free text, with "New known error".
 */
export function KnownErrorsListPage() {
  const itsmApi = useApi(itsmApiRef);
  const navigate = useNavigate();
  const knownErrorPath = useRecordPath(knownErrorRouteRef);
  const [statuses, setStatuses] = useState<KnownErrorStatus[]>(['active']);
  const [entityRef, setEntityRef] = useState<string | null>(null);
  const [search, setSearch] = useState('');
  const [q, setQ] = useState('');
  const [entity, setEntity] = useState('');
  const [creating, setCreating] = useState(false);
  useDebounce(() => setQ(search.trim()), SEARCH_DEBOUNCE_MS, [search]);
  useDebounce(() => setEntity(entityRef?.trim() ?? ''), SEARCH_DEBOUNCE_MS, [
    entityRef,
  ]);

  const statusKey = orAny(statuses, KNOWN_ERROR_STATUSES).join(',');
  const query = useMemo<ListKnownErrorsOptions>(
    () => ({
      ...(statusKey
        ? { status: statusKey.split(',') as KnownErrorStatus[] }
        : {}),
      ...(entity.includes(':') ? { entityRef: entity } : {}),
      ...(q ? { q } : {}),
      limit: 50,
    }),
    [statusKey, entity, q],
  );
  const fetchPage = useCallback(
    (cursor?: string) =>
      itsmApi.listKnownErrors(cursor ? { ...query, cursor } : query),
    [itsmApi, query],
  );
  const { items, ...list } = usePagedList<KnownError>(fetchPage);

  const filters = (
    <Box
      display="flex"
      flexWrap="wrap"
      alignItems="center"
      style={{ gap: 12 }}
      mb={1}
    >
      <TextField
        id="itsm-known-error-search"
        size="small"
        variant="outlined"
        type="search"
        label="Search"
        value={search}
        onChange={event => setSearch(event.target.value)}
      />
      <MultiFilter
        id="itsm-known-error-status-filter"
        label="Status"
        anyText="Active and retired"
        options={KNOWN_ERROR_STATUSES}
        format={humanizeCode}
        value={statuses}
        onChange={setStatuses}
      />
      <Box minWidth={280}>
        <EntityRefPicker
          id="itsm-known-error-entity-filter"
          label="Entity"
          kinds={['Component', 'Resource', 'System', 'API']}
          value={entityRef}
          onChange={setEntityRef}
        />
      </Box>
      <Box ml="auto">
        <Button
          variant="contained"
          color="primary"
          startIcon={<AddIcon />}
          onClick={() => setCreating(true)}
        >
          New known error
        </Button>
      </Box>
    </Box>
  );

  return (
    <>
      <Box px={3} pt={3}>
        <Typography variant="h4" component="h1">
          Known errors
        </Typography>
      </Box>
      <RecordListPage
        list={list}
        errorTitle="Could not load known errors"
        filters={filters}
      >
        <KnownErrorsTable
          title="Known errors"
          subtitle="Newest first"
          knownErrors={items}
          loading={list.loading}
          emptyContent={
            <Box p={4} textAlign="center">
              <Typography variant="h6">No known errors match</Typography>
            </Box>
          }
        />
      </RecordListPage>
      <CreateKnownErrorDialog
        open={creating}
        initialValues={emptyKnownErrorValues()}
        onClose={() => setCreating(false)}
        onCreated={knownError => {
          setCreating(false);
          if (knownErrorPath) navigate(knownErrorPath(knownError.id));
          else list.retry();
        }}
      />
    </>
  );
}

/**
 * The Known errors page of the new frontend system, mounted at `/itsm/known-errors`: the
 * list (the index) and `:id` (one known error).
 */
export function KnownErrorsPage() {
  return (
    <Routes>
      <Route path="/" element={<KnownErrorsListPage />} />
      <Route path=":id" element={<KnownErrorPage />} />
    </Routes>
  );
}
