import { useState } from 'react';
import useDebounce from 'react-use/esm/useDebounce';
import { ResponseErrorPanel } from '@backstage/core-components';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Checkbox from '@material-ui/core/Checkbox';
import FormControl from '@material-ui/core/FormControl';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import InputLabel from '@material-ui/core/InputLabel';
import ListItemText from '@material-ui/core/ListItemText';
import MenuItem from '@material-ui/core/MenuItem';
import OutlinedInput from '@material-ui/core/OutlinedInput';
import Select from '@material-ui/core/Select';
import Switch from '@material-ui/core/Switch';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import {
  INCIDENT_STATUSES,
  OPEN_INCIDENT_STATUSES,
  PRIORITY_LABELS,
  type IncidentStatus,
  type Priority,
} from '@backstage-itsm/plugin-itsm-common';
import { useIncidents } from '../../../hooks/useIncidents';
import { LoadMoreButton } from '../../../records';
import { useOnSignal } from '../../../hooks/useOnSignal';
import { INCIDENTS_CHANNEL } from '../../../signals';
import { formatIncidentStatus } from '../../shared/format';
import { IncidentsTable } from '../IncidentsTable';
import { ReportIncidentButton } from '../ReportIncident';

const PRIORITIES: readonly Priority[] = [1, 2, 3, 4, 5];
/** The statuses the "Include resolved, closed and cancelled" switch adds or removes. */
const FINAL_STATUSES = INCIDENT_STATUSES.filter(
  status => !OPEN_INCIDENT_STATUSES.includes(status),
);
const SEARCH_DEBOUNCE_MS = 300;

const useStyles = makeStyles(theme => ({
  filters: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: theme.spacing(1, 2),
    marginBottom: theme.spacing(1),
  },
  search: { width: 220 },
  select: { minWidth: 160, maxWidth: 260 },
  report: { marginLeft: 'auto' },
}));

/** In display order; none selected and all selected both mean "any status". */
function sortStatuses(statuses: readonly IncidentStatus[]): IncidentStatus[] {
  return INCIDENT_STATUSES.filter(status => statuses.includes(status));
}

function isAllStatuses(statuses: readonly IncidentStatus[]): boolean {
  return (
    statuses.length === 0 ||
    INCIDENT_STATUSES.every(status => statuses.includes(status))
  );
}

function isOpenStatuses(statuses: readonly IncidentStatus[]): boolean {
  return (
    statuses.length === OPEN_INCIDENT_STATUSES.length &&
    OPEN_INCIDENT_STATUSES.every(status => statuses.includes(status))
  );
}

type Scope = 'open' | 'all' | 'filtered';

function NoIncidents(props: { scope: Scope }) {
  const text: Record<Scope, [string, string]> = {
    open: [
      'No open incidents',
      'All quiet: nothing is waiting to be fixed on this entity.',
    ],
    all: ['No incidents yet', 'Nothing has been reported against this entity.'],
    filtered: [
      'No incidents match these filters',
      'Try other statuses or priorities, or clear the search.',
    ],
  };
  const [title, body] = text[props.scope];
  return (
    <Box p={4} textAlign="center">
      <Typography variant="h6" gutterBottom>
        {title}
      </Typography>
      <Typography variant="body2" color="textSecondary">
        {body}
      </Typography>
    </Box>
  );
}

/**
 * The incidents of the current catalog entity, filtered on the server by status (open
 * ones by default), priority, major flag and free text, with "Report incident" next to
 * the filters; kept live by the `itsm:incidents` signal.
 */
export function EntityIncidentsTable() {
  const classes = useStyles();
  const { entity } = useEntity();
  const entityRef = stringifyEntityRef(entity);
  const [statuses, setStatuses] = useState<IncidentStatus[]>([
    ...OPEN_INCIDENT_STATUSES,
  ]);
  const [priorities, setPriorities] = useState<Priority[]>([]);
  const [majorOnly, setMajorOnly] = useState(false);
  const [search, setSearch] = useState('');
  const [q, setQ] = useState('');
  useDebounce(() => setQ(search.trim()), SEARCH_DEBOUNCE_MS, [search]);

  const allStatuses = isAllStatuses(statuses);
  const includeClosed =
    allStatuses || FINAL_STATUSES.every(status => statuses.includes(status));
  const { incidents, ...list } = useIncidents({
    entityRef,
    status: allStatuses ? undefined : statuses,
    priority: priorities.length === PRIORITIES.length ? [] : priorities,
    major: majorOnly,
    q,
  });
  const { loading, error, retry } = list;
  // Someone else's incident write (the signal does not say where): reload the first page.
  useOnSignal(INCIDENTS_CHANNEL, () => retry());

  let scope: Scope = 'filtered';
  if (priorities.length === 0 && !majorOnly && !q) {
    if (allStatuses) {
      scope = 'all';
    } else if (isOpenStatuses(statuses)) {
      scope = 'open';
    }
  }
  const subtitle = {
    open: 'Open incidents, newest first',
    all: 'All incidents, newest first',
    filtered: 'Filtered incidents, newest first',
  }[scope];

  const toggleClosed = (include: boolean) => {
    if (include) {
      setStatuses(sortStatuses([...statuses, ...FINAL_STATUSES]));
      return;
    }
    const open = allStatuses
      ? []
      : statuses.filter(status => !FINAL_STATUSES.includes(status));
    setStatuses(open.length ? open : [...OPEN_INCIDENT_STATUSES]);
  };

  return (
    <>
      <div className={classes.filters}>
        <TextField
          id="itsm-incident-search"
          className={classes.search}
          size="small"
          variant="outlined"
          type="search"
          label="Search"
          placeholder="Title or ID"
          value={search}
          onChange={event => setSearch(event.target.value)}
        />
        <FormControl size="small" variant="outlined" className={classes.select}>
          <InputLabel id="itsm-incident-status-label" shrink>
            Status
          </InputLabel>
          <Select
            labelId="itsm-incident-status-label"
            id="itsm-incident-status"
            input={<OutlinedInput notched label="Status" />}
            multiple
            displayEmpty
            value={statuses}
            onChange={event =>
              setStatuses(sortStatuses(event.target.value as IncidentStatus[]))
            }
            renderValue={selected => {
              const values = selected as IncidentStatus[];
              if (isAllStatuses(values)) {
                return 'All statuses';
              }
              return isOpenStatuses(values)
                ? 'Open'
                : values.map(formatIncidentStatus).join(', ');
            }}
          >
            {INCIDENT_STATUSES.map(status => (
              <MenuItem key={status} value={status} dense>
                <Checkbox
                  size="small"
                  color="primary"
                  checked={statuses.includes(status)}
                />
                <ListItemText primary={formatIncidentStatus(status)} />
              </MenuItem>
            ))}
          </Select>
        </FormControl>
        <FormControl size="small" variant="outlined" className={classes.select}>
          <InputLabel id="itsm-incident-priority-label" shrink>
            Priority
          </InputLabel>
          <Select
            labelId="itsm-incident-priority-label"
            id="itsm-incident-priority"
            input={<OutlinedInput notched label="Priority" />}
            multiple
            displayEmpty
            value={priorities}
            onChange={event =>
              setPriorities(
                PRIORITIES.filter(priority =>
                  (event.target.value as Priority[]).includes(priority),
                ),
              )
            }
            renderValue={selected => {
              const values = selected as Priority[];
              if (values.length === 0 || values.length === PRIORITIES.length) {
                return 'All priorities';
              }
              return values.map(priority => `P${priority}`).join(', ');
            }}
          >
            {PRIORITIES.map(priority => (
              <MenuItem key={priority} value={priority} dense>
                <Checkbox
                  size="small"
                  color="primary"
                  checked={priorities.includes(priority)}
                />
                <ListItemText primary={PRIORITY_LABELS[priority]} />
              </MenuItem>
            ))}
          </Select>
        </FormControl>
        <FormControlLabel
          control={
            <Checkbox
              size="small"
              color="primary"
              checked={majorOnly}
              onChange={(_, checked) => setMajorOnly(checked)}
            />
          }
          label="Major only"
        />
        <FormControlLabel
          control={
            <Switch
              size="small"
              color="primary"
              checked={includeClosed}
              onChange={(_, checked) => toggleClosed(checked)}
            />
          }
          label="Include resolved, closed and cancelled"
        />
        <div className={classes.report}>
          <ReportIncidentButton
            entityRef={entityRef}
            onCreated={() => retry()}
          />
        </div>
      </div>
      {error ? (
        <ResponseErrorPanel error={error} title="Could not load incidents" />
      ) : (
        <IncidentsTable
          title="Incidents"
          subtitle={subtitle}
          incidents={incidents}
          loading={loading}
          emptyContent={<NoIncidents scope={scope} />}
          hideSearch
        />
      )}
      <LoadMoreButton list={list} />
    </>
  );
}
