import { useSearchParams } from 'react-router-dom';
import { useApi } from '@backstage/core-plugin-api';
import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import ToggleButton from '@material-ui/lab/ToggleButton';
import ToggleButtonGroup from '@material-ui/lab/ToggleButtonGroup';
import useAsync from 'react-use/esm/useAsync';
import { itsmApiRef } from '../../../api';
import { CalendarFilters, type CalendarFilterValues } from './CalendarFilters';
import { CalendarGrid } from './CalendarGrid';
import {
  dayKey,
  parseDay,
  rangeOf,
  shiftAnchor,
  viewTitle,
  visibleWeeks,
  type CalendarView,
} from './calendarGrid';

/** Only whole refs filter: a half-typed one would match nothing. */
const complete = (ref: string) =>
  /^[^:/\s]+:[^:/\s]+\/[^:/\s]+$/.test(ref) ? [ref] : undefined;

/**
 * `/itsm/change-calendar`: changes by planned window and freeze windows, by month or week,
 * filtered by owner group, system or entity. View, day and filters live in the URL
 * (`?view=week&date=2026-05-04&owner=…`), so a calendar can be linked.
 */
export function ChangeCalendarPage() {
  const itsmApi = useApi(itsmApiRef);
  const [params, setParams] = useSearchParams();
  const view: CalendarView = params.get('view') === 'week' ? 'week' : 'month';
  const anchor = parseDay(params.get('date')) ?? new Date();
  const filters: CalendarFilterValues = {
    owner: params.get('owner') ?? '',
    system: params.get('system') ?? '',
    entityRef: params.get('entityRef') ?? '',
  };
  const weeks = visibleWeeks(view, anchor);
  const { from, to } = rangeOf(weeks);

  const update = (next: Partial<Record<string, string>>) => {
    const merged = new URLSearchParams(params);
    for (const [key, value] of Object.entries(next)) {
      if (value) merged.set(key, value);
      else merged.delete(key);
    }
    setParams(merged, { replace: true });
  };

  const { value, loading, error } = useAsync(
    () =>
      itsmApi.getChangeCalendar({
        from,
        to,
        owner: complete(filters.owner),
        system: complete(filters.system),
        entityRef: complete(filters.entityRef),
      }),
    [itsmApi, from, to, filters.owner, filters.system, filters.entityRef],
  );

  return (
    <Box p={3}>
      <Box
        display="flex"
        flexWrap="wrap"
        alignItems="center"
        style={{ gap: 8 }}
        mb={2}
      >
        <Typography variant="h5" component="h2" style={{ marginRight: 'auto' }}>
          {viewTitle(view, anchor)}
        </Typography>
        <Button
          variant="outlined"
          onClick={() =>
            update({ date: dayKey(shiftAnchor(view, anchor, -1)) })
          }
        >
          Previous
        </Button>
        <Button
          variant="outlined"
          onClick={() => update({ date: dayKey(new Date()) })}
        >
          Today
        </Button>
        <Button
          variant="outlined"
          onClick={() => update({ date: dayKey(shiftAnchor(view, anchor, 1)) })}
        >
          Next
        </Button>
        <ToggleButtonGroup
          size="small"
          exclusive
          value={view}
          onChange={(_, next) =>
            next && update({ view: next === 'week' ? 'week' : '' })
          }
          aria-label="Calendar view"
        >
          <ToggleButton value="month">Month</ToggleButton>
          <ToggleButton value="week">Week</ToggleButton>
        </ToggleButtonGroup>
      </Box>
      <Box mb={2}>
        <CalendarFilters
          value={filters}
          onChange={next => update({ ...next })}
        />
      </Box>
      {error && (
        <ResponseErrorPanel error={error} title="Could not load the calendar" />
      )}
      {loading && !value && <Progress />}
      <CalendarGrid
        view={view}
        weeks={weeks}
        anchor={anchor}
        changes={value?.changes ?? []}
        freezeWindows={value?.freezeWindows ?? []}
      />
    </Box>
  );
}
