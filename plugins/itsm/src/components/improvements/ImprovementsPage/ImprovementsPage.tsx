import { useCallback, useEffect, useMemo, useState } from 'react';
import { Route, Routes, useSearchParams } from 'react-router-dom';
import useDebounce from 'react-use/esm/useDebounce';
import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import Switch from '@material-ui/core/Switch';
import Tab from '@material-ui/core/Tab';
import Tabs from '@material-ui/core/Tabs';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import GetAppIcon from '@material-ui/icons/GetApp';
import {
  IMPROVEMENTS_SIGNAL_CHANNEL,
  IMPROVEMENT_KINDS,
  IMPROVEMENT_SOURCES,
  type Improvement,
  type ImprovementKind,
  type ImprovementSource,
  type ImprovementVerdict,
} from '@backstage-itsm/plugin-itsm-common';
import { itsmApiRef, type ListImprovementsOptions } from '../../../api';
import { useOnSignal } from '../../../hooks/useOnSignal';
import { usePagedList } from '../../../hooks/usePagedList';
import { RecordListPage } from '../../../records';
import { EntityRefPicker } from '../../shared/EntityRefPicker';
import { MultiFilter, orAny } from '../../shared/MultiFilter';
import { WriteErrorAlert } from '../../shared/WriteErrorAlert';
import { NewImprovementPage } from '../ImprovementForm';
import { ImprovementPage } from '../ImprovementPage';
import { RaiseImprovementButton } from '../RaiseImprovementButton';
import {
  formatImprovementKind,
  formatImprovementSource,
  formatImprovementVerdict,
} from '../record/improvementKind';
import { BOARD_STATUSES, ImprovementBoard } from './ImprovementBoard';
import { ImprovementsTable } from './ImprovementsTable';
import { downloadImprovementsCsv } from './downloadCsv';

const DEBOUNCE_MS = 300;

/** The board reads this many items per page, by score. */
const BOARD_PAGE = 200;

type VerdictFilter = ImprovementVerdict | 'none';
const VERDICTS: readonly VerdictFilter[] = [
  'achieved',
  'not_achieved',
  'inconclusive',
  'none',
];
const formatVerdictFilter = (verdict: VerdictFilter) =>
  verdict === 'none' ? 'Not measured' : formatImprovementVerdict(verdict);

type View = 'board' | 'table';
type Sort = 'score' | 'targetDate' | 'created';

const SORTS: Record<Sort, { label: string; order: 'asc' | 'desc' }> = {
  score: { label: 'Score, highest first', order: 'desc' },
  targetDate: { label: 'Target date, soonest first', order: 'asc' },
  created: { label: 'Newest first', order: 'desc' },
};
const SORT_KEYS = Object.keys(SORTS) as Sort[];

/** The filters of the register as the list and the export read them. */
export interface RegisterFilters {
  entityRef: string;
  owner: string;
  sources: ImprovementSource[];
  verdicts: VerdictFilter[];
  kinds: ImprovementKind[];
  showRejected: boolean;
  overdueOnly: boolean;
}

/** The options of `key` in the query, in the options' order; unknown values are ignored. */
function optionsIn<T extends string>(
  params: URLSearchParams,
  key: string,
  options: readonly T[],
): T[] {
  const values = params.getAll(key);
  return options.filter(option => values.includes(option));
}

/**
 * The register's view and filters as its address keeps them, so that a view can be linked
 * (the service health card links `?entityRef=<ref>&overdue=true`): `entityRef`, `owner`,
 * `source`, `verdict` and `kind` (repeated for several), `overdue=true`, `rejected=true`,
 * `view=table` and `sort=targetDate|created`.
 */
export function registerOfParams(
  params: URLSearchParams,
): RegisterFilters & { view: View; sort: Sort } {
  const sort = SORT_KEYS.find(key => key === params.get('sort'));
  return {
    view: params.get('view') === 'table' ? 'table' : 'board',
    sort: sort ?? 'score',
    entityRef: params.get('entityRef')?.trim() ?? '',
    owner: params.get('owner')?.trim() ?? '',
    sources: optionsIn(params, 'source', IMPROVEMENT_SOURCES),
    verdicts: optionsIn(params, 'verdict', VERDICTS),
    kinds: optionsIn(params, 'kind', IMPROVEMENT_KINDS),
    showRejected: params.get('rejected') === 'true',
    overdueOnly: params.get('overdue') === 'true',
  };
}

/** What a change of the register writes to its address: none, empty or false removes it. */
type ParamChange = Record<string, string | readonly string[] | boolean>;

function valuesOfParam(value: ParamChange[string]): readonly string[] {
  if (typeof value === 'boolean') return value ? ['true'] : [];
  if (typeof value === 'string') return value ? [value] : [];
  return value;
}

/** The list query of the filters (without paging and order). */
export function registerQuery(
  filters: RegisterFilters,
): Omit<ListImprovementsOptions, 'limit' | 'cursor'> {
  const sources = orAny(filters.sources, IMPROVEMENT_SOURCES);
  const verdicts = orAny(filters.verdicts, VERDICTS);
  const kinds = orAny(filters.kinds, IMPROVEMENT_KINDS);
  return {
    ...(filters.entityRef.includes(':')
      ? { entityRef: filters.entityRef }
      : {}),
    ...(filters.owner.includes(':') ? { owner: [filters.owner] } : {}),
    ...(sources.length ? { source: sources } : {}),
    ...(verdicts.length ? { verdict: verdicts } : {}),
    ...(kinds.length ? { kind: kinds } : {}),
    ...(filters.showRejected ? {} : { status: BOARD_STATUSES }),
    ...(filters.overdueOnly ? { overdue: true } : {}),
  };
}

/**
 * `/itsm/improvements`: the continual improvement register as a board by status (cards by
 * score) or a table sorted by score, target date or age; filters by service, owner, source,
 * verdict and kind, rejected items behind a switch, overdue only; "Export CSV" with the
 * current filters, and "Raise improvement".
 */
export function ImprovementsListPage() {
  const itsmApi = useApi(itsmApiRef);
  const [params, setParams] = useSearchParams();
  const register = registerOfParams(params);
  const { view, sort, entityRef, owner, showRejected } = register;
  const update = (change: ParamChange) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(change)) {
      next.delete(key);
      for (const one of valuesOfParam(value)) next.append(key, one);
    }
    if (next.toString() !== params.toString()) {
      setParams(next, { replace: true });
    }
  };
  const [generation, setGeneration] = useState(0);
  // The pickers' text, written to the address once typing pauses; an address that changes
  // otherwise (back, a link) shows in the pickers.
  const [entityInput, setEntityInput] = useState<string | null>(
    entityRef || null,
  );
  const [ownerInput, setOwnerInput] = useState<string | null>(owner || null);
  useEffect(() => {
    setEntityInput(input =>
      (input?.trim() ?? '') === entityRef ? input : entityRef || null,
    );
  }, [entityRef]);
  useEffect(() => {
    setOwnerInput(input =>
      (input?.trim() ?? '') === owner ? input : owner || null,
    );
  }, [owner]);
  const [downloading, setDownloading] = useState(false);
  const [downloadError, setDownloadError] = useState<unknown>();
  useDebounce(
    () =>
      update({
        entityRef: entityInput?.trim() ?? '',
        owner: ownerInput?.trim() ?? '',
      }),
    DEBOUNCE_MS,
    [entityInput, ownerInput],
  );
  useOnSignal(IMPROVEMENTS_SIGNAL_CHANNEL, () => setGeneration(n => n + 1));

  const filterKey = JSON.stringify(registerQuery(register));
  const filters = useMemo(
    () =>
      JSON.parse(filterKey) as Omit<
        ListImprovementsOptions,
        'limit' | 'cursor'
      >,
    [filterKey],
  );
  const ordered = useMemo<Omit<ListImprovementsOptions, 'limit' | 'cursor'>>(
    () =>
      view === 'board'
        ? { ...filters, sort: 'score', order: 'desc' }
        : { ...filters, sort, order: SORTS[sort].order },
    [filters, view, sort],
  );
  const fetchPage = useCallback(
    (cursor?: string) =>
      itsmApi.listImprovements({
        ...ordered,
        limit: view === 'board' ? BOARD_PAGE : 50,
        ...(cursor ? { cursor } : {}),
      }),
    // A new generation (an item raised or moved) reads the list again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [itsmApi, ordered, view, generation],
  );
  const { items, ...list } = usePagedList<Improvement>(fetchPage);
  const filtered = Object.keys(filters).some(key => key !== 'status');

  const download = async () => {
    setDownloading(true);
    setDownloadError(undefined);
    try {
      await downloadImprovementsCsv(itsmApi, ordered);
    } catch (e) {
      setDownloadError(e);
    } finally {
      setDownloading(false);
    }
  };

  const filterBar = (
    <Box
      display="flex"
      flexWrap="wrap"
      alignItems="center"
      style={{ gap: 12 }}
      mb={2}
    >
      <Box minWidth={260}>
        <EntityRefPicker
          id="itsm-improvement-service-filter"
          label="Service"
          kinds={['Component', 'Resource', 'System', 'API']}
          value={entityInput}
          onChange={setEntityInput}
        />
      </Box>
      <Box minWidth={220}>
        <EntityRefPicker
          id="itsm-improvement-owner-filter"
          label="Owner"
          kinds={['User', 'Group']}
          value={ownerInput}
          onChange={setOwnerInput}
        />
      </Box>
      <MultiFilter
        id="itsm-improvement-source-filter"
        label="Source"
        anyText="All sources"
        options={IMPROVEMENT_SOURCES}
        format={formatImprovementSource}
        value={register.sources}
        onChange={sources => update({ source: sources })}
      />
      <MultiFilter
        id="itsm-improvement-verdict-filter"
        label="Verdict"
        anyText="Any verdict"
        options={VERDICTS}
        format={formatVerdictFilter}
        value={register.verdicts}
        onChange={verdicts => update({ verdict: verdicts })}
      />
      <MultiFilter
        id="itsm-improvement-kind-filter"
        label="Kind"
        anyText="All kinds"
        options={IMPROVEMENT_KINDS}
        format={formatImprovementKind}
        value={register.kinds}
        onChange={kinds => update({ kind: kinds })}
      />
      <FormControlLabel
        control={
          <Switch
            color="primary"
            checked={register.overdueOnly}
            onChange={e => update({ overdue: e.target.checked })}
          />
        }
        label="Overdue only"
      />
      <FormControlLabel
        control={
          <Switch
            color="primary"
            checked={showRejected}
            onChange={e => update({ rejected: e.target.checked })}
          />
        }
        label="Show rejected"
      />
    </Box>
  );

  return (
    <Box p={3}>
      <Box display="flex" alignItems="center" flexWrap="wrap" mb={1}>
        <Typography variant="h4" component="h1">
          Improvements
        </Typography>
        <Box ml="auto" display="flex" style={{ gap: 8 }}>
          <Button
            variant="outlined"
            startIcon={<GetAppIcon />}
            onClick={download}
            disabled={downloading}
          >
            Export CSV
          </Button>
          <RaiseImprovementButton
            variant="contained"
            size="medium"
            entityRefs={entityRef.includes(':') ? [entityRef] : []}
          />
        </Box>
      </Box>
      <Typography variant="body2" color="textSecondary" gutterBottom>
        Improvement opportunities and corrective actions from every source,
        prioritised by score; the system measures each KPI against the baseline
        frozen at approval.
      </Typography>
      {downloadError !== undefined && (
        <Box mb={1}>
          <WriteErrorAlert error={downloadError} recordName="register" />
        </Box>
      )}
      <Box display="flex" alignItems="center" mb={1}>
        <Tabs
          value={view}
          onChange={(_, next: View) =>
            update({ view: next === 'table' ? 'table' : '' })
          }
          indicatorColor="primary"
          aria-label="View"
        >
          <Tab value="board" label="Board" />
          <Tab value="table" label="Table" />
        </Tabs>
        {view === 'table' && (
          <Box ml="auto">
            <TextField
              id="itsm-improvement-sort"
              select
              size="small"
              variant="outlined"
              label="Sort by"
              value={sort}
              onChange={e =>
                update({
                  sort: e.target.value === 'score' ? '' : e.target.value,
                })
              }
              SelectProps={{ native: true }}
              InputLabelProps={{ shrink: true }}
            >
              {SORT_KEYS.map(key => (
                <option key={key} value={key}>
                  {SORTS[key].label}
                </option>
              ))}
            </TextField>
          </Box>
        )}
      </Box>
      <RecordListPage
        list={list}
        errorTitle="Could not load the improvement register"
        filters={filterBar}
      >
        {view === 'board' ? (
          <ImprovementBoard items={items} showRejected={showRejected} />
        ) : (
          <ImprovementsTable
            title="Improvement register"
            subtitle={SORTS[sort].label}
            items={items}
            loading={list.loading}
            emptyContent={
              <Box p={4} textAlign="center">
                <Typography variant="h6">
                  {filtered
                    ? 'No items match these filters'
                    : 'No improvement items yet'}
                </Typography>
              </Box>
            }
          />
        )}
      </RecordListPage>
    </Box>
  );
}

/**
 * The Improvements page, mounted at `/itsm/improvements` (its own page in the new frontend
 * system, `improvements/*` of `ItsmPage` in a legacy app): the register (the index), `new`
 * (raise an item) and `:id` (one item).
 */
export function ImprovementsPage() {
  return (
    <Routes>
      <Route path="/" element={<ImprovementsListPage />} />
      <Route path="new" element={<NewImprovementPage />} />
      <Route path=":id" element={<ImprovementPage />} />
    </Routes>
  );
}
