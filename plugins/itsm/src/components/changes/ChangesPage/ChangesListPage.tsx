import { useState } from 'react';
import { Link as RouterLink } from 'react-router-dom';
import useDebounce from 'react-use/esm/useDebounce';
import { useRouteRef } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import AddIcon from '@material-ui/icons/Add';
import {
  CHANGES_SIGNAL_CHANNEL,
  CHANGE_RISK_LEVELS,
  CHANGE_STATUSES,
  CHANGE_TYPES,
  type ChangeStatus,
  type ChangeType,
  type RiskLevel,
} from '@backstage-itsm/plugin-itsm-common';
import { useChanges } from '../../../hooks/useChanges';
import { useOnSignal } from '../../../hooks/useOnSignal';
import { RecordListPage } from '../../../records';
import { newChangeRouteRef } from '../../../routes';
import { ChangesTable } from '../ChangesTable';
import { formatChangeStatus, humanizeCode } from '../../shared/format';
import { MultiFilter, orAny } from '../../shared/MultiFilter';

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
  request: { marginLeft: 'auto' },
}));

/**
 * `/itsm/changes`: every change, newest first, filtered on the server by status, type,
 * risk and free text, paged with "Load more", with "Request a change". Kept live by the
 * `itsm:changes` signal.
 */
export function ChangesListPage() {
  const classes = useStyles();
  const [statuses, setStatuses] = useState<ChangeStatus[]>([]);
  const [types, setTypes] = useState<ChangeType[]>([]);
  const [risks, setRisks] = useState<RiskLevel[]>([]);
  const [search, setSearch] = useState('');
  const [q, setQ] = useState('');
  useDebounce(() => setQ(search.trim()), SEARCH_DEBOUNCE_MS, [search]);
  const newChangePath = useRouteRef(newChangeRouteRef);

  const { changes, ...list } = useChanges({
    status: orAny(statuses, CHANGE_STATUSES),
    type: orAny(types, CHANGE_TYPES),
    risk: orAny(risks, CHANGE_RISK_LEVELS),
    q,
  });
  useOnSignal(CHANGES_SIGNAL_CHANNEL, () => list.retry());

  const filtered =
    q !== '' ||
    orAny(statuses, CHANGE_STATUSES).length > 0 ||
    orAny(types, CHANGE_TYPES).length > 0 ||
    orAny(risks, CHANGE_RISK_LEVELS).length > 0;

  const filters = (
    <div className={classes.filters}>
      <TextField
        id="itsm-change-search"
        className={classes.search}
        size="small"
        variant="outlined"
        type="search"
        label="Search"
        placeholder="Title or justification"
        value={search}
        onChange={event => setSearch(event.target.value)}
      />
      <MultiFilter
        id="itsm-change-status-filter"
        label="Status"
        anyText="All statuses"
        options={CHANGE_STATUSES}
        format={formatChangeStatus}
        value={statuses}
        onChange={setStatuses}
      />
      <MultiFilter
        id="itsm-change-type-filter"
        label="Type"
        anyText="All types"
        options={CHANGE_TYPES}
        format={humanizeCode}
        value={types}
        onChange={setTypes}
      />
      <MultiFilter
        id="itsm-change-risk-filter"
        label="Risk"
        anyText="All risks"
        options={CHANGE_RISK_LEVELS}
        format={humanizeCode}
        value={risks}
        onChange={setRisks}
      />
      <div className={classes.request}>
        <Button
          variant="contained"
          color="primary"
          startIcon={<AddIcon />}
          component={RouterLink}
          to={newChangePath()}
        >
          Request a change
        </Button>
      </div>
    </div>
  );

  return (
    <RecordListPage
      list={list}
      errorTitle="Could not load changes"
      filters={filters}
    >
      <ChangesTable
        title="Changes"
        subtitle={
          filtered
            ? 'Filtered changes, newest first'
            : 'All changes, newest first'
        }
        changes={changes}
        loading={list.loading}
        emptyContent={
          <Box p={4} textAlign="center">
            <Typography variant="h6" gutterBottom>
              {filtered ? 'No changes match these filters' : 'No changes yet'}
            </Typography>
            <Typography variant="body2" color="textSecondary">
              {filtered
                ? 'Try other statuses, types or risks, or clear the search.'
                : 'Changes requested on any entity appear here.'}
            </Typography>
          </Box>
        }
      />
    </RecordListPage>
  );
}
