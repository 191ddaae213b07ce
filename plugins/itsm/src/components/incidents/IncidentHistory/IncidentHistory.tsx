import { MarkdownContent } from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import Timeline from '@material-ui/lab/Timeline';
import TimelineConnector from '@material-ui/lab/TimelineConnector';
import TimelineContent from '@material-ui/lab/TimelineContent';
import TimelineDot from '@material-ui/lab/TimelineDot';
import TimelineItem from '@material-ui/lab/TimelineItem';
import TimelineSeparator from '@material-ui/lab/TimelineSeparator';
import type { HistoryEvent } from '@backstage-itsm/plugin-itsm-common';
import { formatRelativeTime } from '../../shared/format';
import { actionLabel, changeLines } from './describeEvent';

const useStyles = makeStyles(theme => ({
  timeline: {
    padding: 0,
    margin: 0,
  },
  // Long values (plans, JSON-free lists, refs) wrap inside the card instead of overflowing.
  content: {
    minWidth: 0,
    overflowWrap: 'anywhere',
  },
  changes: {
    margin: theme.spacing(0.5, 0, 0),
    paddingLeft: theme.spacing(2),
    ...theme.typography.body2,
    whiteSpace: 'pre-line',
  },
  // No opposite content: without this the timeline keeps an empty left half.
  noOpposite: {
    '&::before': { display: 'none', flex: 0, padding: 0 },
  },
  comment: {
    marginTop: theme.spacing(0.5),
    borderLeft: `3px solid ${theme.palette.divider}`,
    paddingLeft: theme.spacing(1),
  },
}));

/** Who did it: a catalog entity, or the plugin itself for jobs. */
export function Actor(props: { actor: string }) {
  if (props.actor.startsWith('plugin:')) {
    return <span>ITSM (automatic)</span>;
  }
  return <EntityRefLink entityRef={props.actor} hideIcon />;
}

function dotColor(action: string): 'primary' | 'secondary' | 'grey' {
  if (action === 'status_update') {
    return 'secondary';
  }
  return action === 'work_note' ? 'grey' : 'primary';
}

/** One event: action, actor, time, its changes as `field: from → to`, and its comment. */
export function HistoryEventItem(props: {
  event: HistoryEvent;
  last: boolean;
}) {
  const classes = useStyles();
  const { event } = props;
  const lines = changeLines(event);
  return (
    <TimelineItem classes={{ missingOppositeContent: classes.noOpposite }}>
      <TimelineSeparator>
        <TimelineDot color={dotColor(event.action)} variant="outlined" />
        {!props.last && <TimelineConnector />}
      </TimelineSeparator>
      <TimelineContent className={classes.content}>
        <Box
          aria-label={`${actionLabel(event.action)} at version ${
            event.version
          }`}
          role="group"
        >
          <Typography variant="subtitle2" component="div">
            {actionLabel(event.action)}{' '}
            <Typography variant="body2" component="span" color="textSecondary">
              by <Actor actor={event.actor} /> ·{' '}
              <time
                dateTime={event.at}
                title={new Date(event.at).toLocaleString()}
              >
                {formatRelativeTime(event.at)}
              </time>
            </Typography>
          </Typography>
          {lines.length > 0 && (
            <ul className={classes.changes}>
              {lines.map(line => (
                <li key={line.field}>{line.text}</li>
              ))}
            </ul>
          )}
          {event.comment && (
            <Box className={classes.comment}>
              <MarkdownContent content={event.comment} />
            </Box>
          )}
        </Box>
      </TimelineContent>
    </TimelineItem>
  );
}

/** A history (or a part of it, e.g. status updates) as a timeline, oldest first. */
export function IncidentHistory(props: {
  events: HistoryEvent[];
  emptyText?: string;
  label?: string;
}) {
  const classes = useStyles();
  if (props.events.length === 0) {
    return (
      <Typography variant="body2" color="textSecondary">
        {props.emptyText ?? 'No history yet.'}
      </Typography>
    );
  }
  return (
    <Timeline
      className={classes.timeline}
      aria-label={props.label ?? 'History'}
    >
      {props.events.map((event, index) => (
        <HistoryEventItem
          key={`${event.version}-${event.at}-${index}`}
          event={event}
          last={index === props.events.length - 1}
        />
      ))}
    </Timeline>
  );
}
