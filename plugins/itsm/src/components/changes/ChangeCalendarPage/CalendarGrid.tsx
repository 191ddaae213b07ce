import { Link as RouterLink } from 'react-router-dom';
import Box from '@material-ui/core/Box';
import Tooltip from '@material-ui/core/Tooltip';
import Typography from '@material-ui/core/Typography';
import { alpha, makeStyles } from '@material-ui/core/styles';
import type { Change, FreezeWindow } from '@backstage-itsm/plugin-itsm-common';
import { useChangeStatusColors } from '../ChangeBadges';
import { useChangePath } from '../ChangeLink';
import { formatChangeStatus, formatWindow } from '../../shared/format';
import { dayKey, overlapsDay, type CalendarView } from './calendarGrid';

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

const useStyles = makeStyles(theme => ({
  grid: {
    display: 'grid',
    gridTemplateColumns: 'repeat(7, minmax(0, 1fr))',
    border: `1px solid ${theme.palette.divider}`,
    borderWidth: '1px 0 0 1px',
  },
  head: {
    padding: theme.spacing(0.5, 1),
    borderRight: `1px solid ${theme.palette.divider}`,
    borderBottom: `1px solid ${theme.palette.divider}`,
    ...theme.typography.caption,
    color: theme.palette.text.secondary,
  },
  day: {
    borderRight: `1px solid ${theme.palette.divider}`,
    borderBottom: `1px solid ${theme.palette.divider}`,
    padding: theme.spacing(0.5),
    display: 'flex',
    flexDirection: 'column',
    gap: 2,
    minWidth: 0,
  },
  otherMonth: { opacity: 0.5 },
  today: { boxShadow: `inset 0 0 0 2px ${theme.palette.primary.main}` },
  frozen: {
    backgroundImage: `repeating-linear-gradient(45deg, ${alpha(
      theme.palette.info.main,
      0.12,
    )} 0 6px, transparent 6px 12px)`,
  },
  freezeName: { color: theme.palette.info.dark, fontWeight: 600 },
  chip: {
    display: 'block',
    borderRadius: 4,
    padding: theme.spacing(0.25, 0.5),
    color: theme.palette.common.white,
    textDecoration: 'none',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    whiteSpace: 'nowrap',
    ...theme.typography.caption,
  },
  conflict: {
    outline: `2px solid ${theme.palette.error.main}`,
    outlineOffset: 1,
  },
}));

function ChangeChip(props: { change: Change }) {
  const classes = useStyles();
  const colors = useChangeStatusColors();
  const pathOf = useChangePath();
  const { change } = props;
  const conflicted = change.conflicts.length > 0;
  const label = `${change.id} ${change.title}`;
  const tooltip = (
    <>
      <div>
        {change.id}: {change.title} ({formatChangeStatus(change.status)})
      </div>
      <div>{formatWindow(change.plannedStart, change.plannedEnd)}</div>
      {change.conflicts.map((c, i) => (
        <div key={i}>⚠ {c.message}</div>
      ))}
    </>
  );
  const common = {
    className: `${classes.chip} ${conflicted ? classes.conflict : ''}`,
    style: { backgroundColor: colors[change.status] },
    'data-change-id': change.id,
    'data-conflict': conflicted ? 'true' : undefined,
    'aria-label': conflicted
      ? `${label} (conflicts: ${change.conflicts
          .map(c => c.message)
          .join('; ')})`
      : label,
  };
  return (
    <Tooltip title={tooltip}>
      {pathOf ? (
        <RouterLink to={pathOf(change.id)} {...common}>
          {label}
        </RouterLink>
      ) : (
        <span {...common}>{label}</span>
      )}
    </Tooltip>
  );
}

/**
 * Weeks of days, Monday first: each day lists the changes whose planned window touches it
 * (coloured by status, outlined red with the conflicts in a tooltip when they have any) and
 * is shaded with the names of the freeze windows covering it.
 */
export function CalendarGrid(props: {
  view: CalendarView;
  weeks: Date[][];
  anchor: Date;
  changes: readonly Change[];
  freezeWindows: readonly FreezeWindow[];
}) {
  const classes = useStyles();
  const today = dayKey(new Date());
  const planned = props.changes.filter(c => c.plannedStart && c.plannedEnd);
  return (
    <Box className={classes.grid} role="grid" aria-label="Change calendar">
      {WEEKDAYS.map(name => (
        <div key={name} className={classes.head} role="columnheader">
          {name}
        </div>
      ))}
      {props.weeks.flat().map(day => {
        const key = dayKey(day);
        const freezes = props.freezeWindows.filter(f =>
          overlapsDay(f.start, f.end, day),
        );
        const changes = planned.filter(c =>
          overlapsDay(c.plannedStart!, c.plannedEnd!, day),
        );
        const other =
          props.view === 'month' && day.getMonth() !== props.anchor.getMonth();
        return (
          <div
            key={key}
            role="gridcell"
            aria-label={day.toDateString()}
            data-date={key}
            className={[
              classes.day,
              other ? classes.otherMonth : '',
              key === today ? classes.today : '',
              freezes.length ? classes.frozen : '',
            ].join(' ')}
            style={{ minHeight: props.view === 'week' ? 240 : 96 }}
          >
            <Typography variant="caption" color="textSecondary">
              {day.getDate()}
            </Typography>
            {freezes.map(f => (
              <Typography
                key={f.name}
                variant="caption"
                className={classes.freezeName}
                data-freeze={f.name}
              >
                ❄ {f.name}
              </Typography>
            ))}
            {changes.map(change => (
              <ChangeChip key={change.id} change={change} />
            ))}
          </div>
        );
      })}
    </Box>
  );
}
