import type { ReactNode } from 'react';
import Box from '@material-ui/core/Box';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { SlaTone } from '../../service-levels/SlaTone';
import { toneOfMet } from '../../service-levels/SlaReport/labels';

export { formatPercent } from '../../service-levels/SlaReport/periods';

const useStyles = makeStyles(theme => ({
  figures: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: theme.spacing(4),
    marginBottom: theme.spacing(2),
  },
  table: {
    marginBottom: theme.spacing(2),
    '@media print': {
      '& tr': { breakInside: 'avoid' },
      '& th, & td': { color: '#000', borderColor: '#999' },
    },
  },
}));

/** `met` / `not met` (words, so the meaning survives black-and-white print); `–` without a target. */
export function MetWord(props: { met: boolean | null | undefined }) {
  const { met } = props;
  if (met === null || met === undefined) return <>–</>;
  return <SlaTone tone={toneOfMet(met)}>{met ? 'met' : 'not met'}</SlaTone>;
}

/** A headline figure: label, value, and what it rests on (n, target, outcome). */
export function Figure(props: {
  label: string;
  value: string;
  detail?: ReactNode;
}) {
  return (
    <Box role="group" aria-label={props.label}>
      <Typography variant="caption" color="textSecondary" component="div">
        {props.label}
      </Typography>
      <Typography variant="h5" component="div">
        {props.value}
      </Typography>
      {props.detail && (
        <Typography variant="body2" component="div">
          {props.detail}
        </Typography>
      )}
    </Box>
  );
}

export function Figures(props: { children: ReactNode }) {
  const classes = useStyles();
  return <Box className={classes.figures}>{props.children}</Box>;
}

/** A small heading inside a section. */
export function SubHeading(props: { children: ReactNode }) {
  return (
    <Typography variant="subtitle1" component="h3" gutterBottom>
      {props.children}
    </Typography>
  );
}

/** A plain text line. */
export function Line(props: { children: ReactNode }) {
  return (
    <Typography variant="body2" paragraph>
      {props.children}
    </Typography>
  );
}

/** A table with a caption-like label, its header row, and a line when there are no rows. */
export function PackTable(props: {
  label: string;
  columns: Array<string | { label: string; numeric: true }>;
  rows: ReactNode[][];
  empty: string;
  /** Row keys (defaults to the index). */
  keys?: string[];
}) {
  const classes = useStyles();
  const columns = props.columns.map(c =>
    typeof c === 'string' ? { label: c, numeric: false } : c,
  );
  return (
    <Table size="small" aria-label={props.label} className={classes.table}>
      <TableHead>
        <TableRow>
          {columns.map(c => (
            <TableCell key={c.label} align={c.numeric ? 'right' : 'left'}>
              {c.label}
            </TableCell>
          ))}
        </TableRow>
      </TableHead>
      <TableBody>
        {props.rows.length === 0 && (
          <TableRow>
            <TableCell colSpan={columns.length}>{props.empty}</TableCell>
          </TableRow>
        )}
        {props.rows.map((cells, i) => (
          <TableRow key={props.keys?.[i] ?? i}>
            {cells.map((cell, j) => (
              <TableCell
                key={columns[j].label}
                align={columns[j].numeric ? 'right' : 'left'}
              >
                {cell}
              </TableCell>
            ))}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

/** `Showing 50 of 53.` under a capped list; nothing when the list is whole. */
export function ListNote(props: { shown: number; total: number }) {
  if (props.shown >= props.total) return null;
  return (
    <Typography variant="caption" component="p" paragraph>
      Showing {props.shown} of {props.total}.
    </Typography>
  );
}

/** An ISO instant as `2026-10-05 06:00 UTC` (the same on every screen and printout). */
export function formatInstant(iso: string | null | undefined): string {
  if (!iso) return '–';
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

/** `[from, to)` as inclusive dates: `2026-10-01 to 2026-10-31`. */
export function formatPeriod(from: string, to: string): string {
  const last = new Date(Date.parse(to) - 1).toISOString();
  return `${from.slice(0, 10)} to ${last.slice(0, 10)}`;
}

/** `3h 20m` of a millisecond figure. */
export function formatHours(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  const hours = Math.floor(minutes / 60);
  if (hours === 0) return `${minutes % 60}m`;
  return minutes % 60 ? `${hours}h ${minutes % 60}m` : `${hours}h`;
}

/** `snake_case` status words as they read: `in_progress` → `in progress`. */
export function words(value: string): string {
  return value.replace(/_/g, ' ');
}
