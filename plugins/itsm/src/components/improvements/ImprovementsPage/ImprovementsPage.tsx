import { useCallback, useMemo, useState } from 'react';
import { Route, Routes } from 'react-router-dom';
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
  const [view, setView] = useState<View>('board');
  const [sort, setSort] = useState<Sort>('score');
  const [generation, setGeneration] = useState(0);
  const [entityInput, setEntityInput] = useState<string | null>(null);
  const [ownerInput, setOwnerInput] = useState<string | null>(null);
  const [entityRef, setEntityRef] = useState('');
  const [owner, setOwner] = useState('');
  const [sources, setSources] = useState<ImprovementSource[]>([]);
  const [verdicts, setVerdicts] = useState<VerdictFilter[]>([]);
  const [kinds, setKinds] = useState<ImprovementKind[]>([]);
  const [showRejected, setShowRejected] = useState(false);
  const [overdueOnly, setOverdueOnly] = useState(false);
  const [downloading, setDownloading] = useState(false);
  const [downloadError, setDownloadError] = useState<unknown>();
  useDebounce(() => setEntityRef(entityInput?.trim() ?? ''), DEBOUNCE_MS, [
    entityInput,
  ]);
  useDebounce(() => setOwner(ownerInput?.trim() ?? ''), DEBOUNCE_MS, [
    ownerInput,
  ]);
  useOnSignal(IMPROVEMENTS_SIGNAL_CHANNEL, () => setGeneration(n => n + 1));

  const filterKey = JSON.stringify(
    registerQuery({
      entityRef,
      owner,
      sources,
      verdicts,
      kinds,
      showRejected,
      overdueOnly,
    }),
  );
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
        value={sources}
        onChange={setSources}
      />
      <MultiFilter
        id="itsm-improvement-verdict-filter"
        label="Verdict"
        anyText="Any verdict"
        options={VERDICTS}
        format={formatVerdictFilter}
        value={verdicts}
        onChange={setVerdicts}
      />
      <MultiFilter
        id="itsm-improvement-kind-filter"
        label="Kind"
        anyText="All kinds"
        options={IMPROVEMENT_KINDS}
        format={formatImprovementKind}
        value={kinds}
        onChange={setKinds}
      />
      <FormControlLabel
        control={
          <Switch
            color="primary"
            checked={overdueOnly}
            onChange={e => setOverdueOnly(e.target.checked)}
          />
        }
        label="Overdue only"
      />
      <FormControlLabel
        control={
          <Switch
            color="primary"
            checked={showRejected}
            onChange={e => setShowRejected(e.target.checked)}
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
          onChange={(_, next) => setView(next)}
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
              onChange={e => setSort(e.target.value as Sort)}
              SelectProps={{ native: true }}
              InputLabelProps={{ shrink: true }}
            >
              {(Object.keys(SORTS) as Sort[]).map(key => (
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
