import { useMemo } from 'react';
import { Progress } from '@backstage/core-components';
import { ResponseErrorPanel } from '@backstage/core-components';
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
import { formatRelativeTime } from '../../components/shared/format';
import { Markdown } from '../../components/shared/Markdown';
import type { RecordKind } from '../RecordKind';
import { describeEvents, type EventDescriber } from './describeEvent';

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

/** One event: action, actor, time, its changes as `field: from → to`, and its comment. */
export function HistoryEventItem(props: {
  event: HistoryEvent;
  last: boolean;
  describer: EventDescriber;
}) {
  const classes = useStyles();
  const { event, describer } = props;
  const lines = describer.changeLines(event);
  const action = describer.actionLabel(event.action);
  return (
    <TimelineItem classes={{ missingOppositeContent: classes.noOpposite }}>
      <TimelineSeparator>
        <TimelineDot
          color={describer.actionTone(event.action)}
          variant="outlined"
        />
        {!props.last && <TimelineConnector />}
      </TimelineSeparator>
      <TimelineContent className={classes.content}>
        <Box aria-label={`${action} at version ${event.version}`} role="group">
          <Typography variant="subtitle2" component="div">
            {action}{' '}
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
              <Markdown content={event.comment} />
            </Box>
          )}
        </Box>
      </TimelineContent>
    </TimelineItem>
  );
}

/**
 * A record's history (or a part of it, e.g. status updates) as a timeline, oldest first,
 * in the words its practice contributes to the kind.
 */
export function RecordHistory(props: {
  kind: RecordKind<any, any, any>;
  events: HistoryEvent[];
  emptyText?: string;
  label?: string;
}) {
  const classes = useStyles();
  const { historyLabels } = props.kind;
  const describer = useMemo(
    () => describeEvents([historyLabels]),
    [historyLabels],
  );
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
          describer={describer}
        />
      ))}
    </Timeline>
  );
}

/**
 * The complete history of a live record: progress, the error of its load, the timeline
 * and a note when only the oldest pages were read.
 */
export function LiveRecordHistory(props: {
  kind: RecordKind<any, any, any>;
  live: {
    history?: HistoryEvent[];
    historyError?: Error;
    historyTruncated: boolean;
  };
}) {
  const { kind, live } = props;
  return (
    <>
      {live.historyError && (
        <ResponseErrorPanel
          error={live.historyError}
          title="Could not load the history"
        />
      )}
      {!live.history && !live.historyError && <Progress />}
      {live.history && <RecordHistory kind={kind} events={live.history} />}
      {live.historyTruncated && (
        <Typography variant="caption" color="textSecondary">
          Only the oldest events are shown; the history is longer.
        </Typography>
      )}
    </>
  );
}
