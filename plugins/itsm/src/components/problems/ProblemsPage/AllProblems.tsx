import { useCallback, useMemo, useState } from 'react';
import useDebounce from 'react-use/esm/useDebounce';
import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import {
  PRIORITY_LABELS,
  PROBLEM_ORIGINS,
  PROBLEM_STATUSES,
  type Priority,
  type Problem,
  type ProblemOrigin,
  type ProblemStatus,
} from '@backstage-itsm/plugin-itsm-common';
import { itsmApiRef, type ListProblemsOptions } from '../../../api';
import { usePagedList } from '../../../hooks/usePagedList';
import { RecordListPage } from '../../../records';
import { EntityRefPicker } from '../../shared/EntityRefPicker';
import { humanizeCode } from '../../shared/format';
import { ProblemsTable } from '../ProblemsTable';
import { formatProblemStatus } from '../record/problemKinds';
import { MultiFilter, orAny } from '../../shared/MultiFilter';

const SEARCH_DEBOUNCE_MS = 300;
const PRIORITIES: Priority[] = [1, 2, 3, 4, 5];

/**
 * Every problem, newest first, filtered on the server by status, origin, priority, entity
 * and free text, paged with "Load more".
 */
export function AllProblems(props: { generation?: number }) {
  const itsmApi = useApi(itsmApiRef);
  const [statuses, setStatuses] = useState<ProblemStatus[]>([]);
  const [origins, setOrigins] = useState<ProblemOrigin[]>([]);
  const [priorities, setPriorities] = useState<Priority[]>([]);
  const [entityRef, setEntityRef] = useState<string | null>(null);
  const [search, setSearch] = useState('');
  const [q, setQ] = useState('');
  const [entity, setEntity] = useState('');
  useDebounce(() => setQ(search.trim()), SEARCH_DEBOUNCE_MS, [search]);
  useDebounce(() => setEntity(entityRef?.trim() ?? ''), SEARCH_DEBOUNCE_MS, [
    entityRef,
  ]);

  const statusKey = orAny(statuses, PROBLEM_STATUSES).join(',');
  const originKey = orAny(origins, PROBLEM_ORIGINS).join(',');
  const priorityKey = orAny(priorities, PRIORITIES).join(',');
  const query = useMemo<ListProblemsOptions>(
    () => ({
      ...(statusKey ? { status: statusKey.split(',') as ProblemStatus[] } : {}),
      ...(originKey ? { origin: originKey.split(',') as ProblemOrigin[] } : {}),
      ...(priorityKey
        ? { priority: priorityKey.split(',').map(Number) as Priority[] }
        : {}),
      ...(entity.includes(':') ? { entityRef: entity } : {}),
      ...(q ? { q } : {}),
      limit: 50,
    }),
    [statusKey, originKey, priorityKey, entity, q],
  );
  const generation = props.generation ?? 0;
  const fetchPage = useCallback(
    (cursor?: string) =>
      itsmApi.listProblems(cursor ? { ...query, cursor } : query),
    // A new generation (a problem raised) reads the list again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [itsmApi, query, generation],
  );
  const { items, ...list } = usePagedList<Problem>(fetchPage);
  const filtered = Object.keys(query).length > 1;

  const filters = (
    <Box
      display="flex"
      flexWrap="wrap"
      alignItems="center"
      style={{ gap: 12 }}
      mb={1}
    >
      <TextField
        id="itsm-problem-search"
        size="small"
        variant="outlined"
        type="search"
        label="Search"
        placeholder="Title or statement"
        value={search}
        onChange={event => setSearch(event.target.value)}
      />
      <MultiFilter
        id="itsm-problem-status-filter"
        label="Status"
        anyText="All statuses"
        options={PROBLEM_STATUSES}
        format={formatProblemStatus}
        value={statuses}
        onChange={setStatuses}
      />
      <MultiFilter
        id="itsm-problem-origin-filter"
        label="Origin"
        anyText="All origins"
        options={PROBLEM_ORIGINS}
        format={humanizeCode}
        value={origins}
        onChange={setOrigins}
      />
      <MultiFilter
        id="itsm-problem-priority-filter"
        label="Priority"
        anyText="All priorities"
        options={PRIORITIES}
        format={p => PRIORITY_LABELS[p]}
        value={priorities}
        onChange={setPriorities}
      />
      <Box minWidth={280}>
        <EntityRefPicker
          id="itsm-problem-entity-filter"
          label="Entity"
          kinds={['Component', 'Resource', 'System', 'API']}
          value={entityRef}
          onChange={setEntityRef}
        />
      </Box>
    </Box>
  );

  return (
    <RecordListPage
      list={list}
      errorTitle="Could not load problems"
      filters={filters}
    >
      <ProblemsTable
        title="Problems"
        subtitle={
          filtered
            ? 'Filtered problems, newest first'
            : 'All problems, newest first'
        }
        problems={items}
        loading={list.loading}
        emptyContent={
          <Box p={4} textAlign="center">
            <Typography variant="h6" gutterBottom>
              {filtered ? 'No problems match these filters' : 'No problems yet'}
            </Typography>
          </Box>
        }
      />
    </RecordListPage>
  );
}
