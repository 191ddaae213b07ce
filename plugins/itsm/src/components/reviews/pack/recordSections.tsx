import {
  PRIORITY_LABELS,
  type ReviewPackMajorIncident,
  type ReviewPackSections,
} from '@backstage-itsm/plugin-itsm-common';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { Markdown } from '../../shared/Markdown';
import {
  Figure,
  Figures,
  Line,
  ListNote,
  MetWord,
  PackTable,
  SubHeading,
  formatInstant,
  formatPercent,
  words,
} from './parts';

const useStyles = makeStyles(theme => ({
  major: {
    borderLeft: `3px solid ${theme.palette.divider}`,
    paddingLeft: theme.spacing(2),
    marginBottom: theme.spacing(2),
    '@media print': { breakInside: 'avoid', borderLeftColor: '#000' },
  },
}));

function MajorIncident(props: { incident: ReviewPackMajorIncident }) {
  const classes = useStyles();
  const i = props.incident;
  return (
    <Box
      className={classes.major}
      component="article"
      aria-label={`${i.id} ${i.title}`}
    >
      <Typography variant="subtitle2" component="h4">
        {i.id} · {i.title}
      </Typography>
      <Typography variant="body2">
        {PRIORITY_LABELS[i.priority]} · {words(i.status)} · raised{' '}
        {formatInstant(i.createdAt)} · resolved {formatInstant(i.resolvedAt)}
        {i.outageStart &&
          ` · outage ${formatInstant(i.outageStart)} to ${
            i.outageEnd ? formatInstant(i.outageEnd) : 'still open'
          }`}
      </Typography>
      {i.review ? (
        <Box mt={1}>
          <Typography variant="caption" component="div">
            Post-incident review
            {i.review.problemId && ` (problem ${i.review.problemId})`}
          </Typography>
          <Markdown content={i.review.summary} />
          {i.review.rootCause && (
            <>
              <Typography variant="caption" component="div">
                Root cause
              </Typography>
              <Markdown content={i.review.rootCause} />
            </>
          )}
          {i.review.lessonsLearned && (
            <>
              <Typography variant="caption" component="div">
                Lessons learned
              </Typography>
              <Markdown content={i.review.lessonsLearned} />
            </>
          )}
        </Box>
      ) : (
        <Typography variant="body2">No post-incident review yet.</Typography>
      )}
    </Box>
  );
}

export function IncidentsSection(props: {
  section: ReviewPackSections['incidents'];
}) {
  const s = props.section;
  return (
    <>
      <Figures>
        <Figure
          label="Incidents raised"
          value={String(s.raised)}
          detail={`${s.resolved} of them resolved within the period (cancelled ones not counted)`}
        />
        <Figure label="Major incidents" value={String(s.major.total)} />
      </Figures>
      <SubHeading>By priority</SubHeading>
      <PackTable
        label="Incidents by priority"
        columns={['Priority', { label: 'Incidents', numeric: true }]}
        keys={s.byPriority.map(p => String(p.priority))}
        rows={s.byPriority.map(p => [PRIORITY_LABELS[p.priority], p.count])}
        empty="No incidents."
      />
      <SubHeading>By status now</SubHeading>
      <PackTable
        label="Incidents by status"
        columns={['Status', { label: 'Incidents', numeric: true }]}
        keys={s.byStatus.map(p => p.status)}
        rows={s.byStatus.map(p => [words(p.status), p.count])}
        empty="No incidents."
      />
      <SubHeading>Major incidents and their reviews</SubHeading>
      {s.major.items.length === 0 && (
        <Line>No major incident in the period.</Line>
      )}
      {s.major.items.map(i => (
        <MajorIncident key={i.id} incident={i} />
      ))}
      <ListNote shown={s.major.items.length} total={s.major.total} />
    </>
  );
}

export function ProblemsSection(props: {
  section: ReviewPackSections['problems'];
}) {
  const s = props.section;
  return (
    <>
      <Figures>
        <Figure label="Opened in the period" value={String(s.opened)} />
        <Figure label="Resolved in the period" value={String(s.resolved)} />
        <Figure label="Open now" value={String(s.open)} />
        <Figure
          label="Active known errors"
          value={String(s.knownErrors.total)}
        />
      </Figures>
      <SubHeading>Problems open or worked on in the period</SubHeading>
      <PackTable
        label="Problems"
        columns={[
          'Problem',
          'Title',
          'Priority',
          'Status',
          'Opened',
          'Resolved',
        ]}
        keys={s.items.items.map(p => p.id)}
        rows={s.items.items.map(p => [
          p.id,
          p.title,
          `P${p.priority}`,
          words(p.status),
          formatInstant(p.createdAt),
          formatInstant(p.resolvedAt),
        ])}
        empty="No problems."
      />
      <ListNote shown={s.items.items.length} total={s.items.total} />
      <SubHeading>Active known errors</SubHeading>
      <PackTable
        label="Known errors"
        columns={['Known error', 'Title', 'Recorded', 'Review by']}
        keys={s.knownErrors.items.map(k => k.id)}
        rows={s.knownErrors.items.map(k => [
          k.id,
          k.title,
          formatInstant(k.createdAt),
          k.reviewBy ?? '–',
        ])}
        empty="No active known errors."
      />
      <ListNote
        shown={s.knownErrors.items.length}
        total={s.knownErrors.total}
      />
    </>
  );
}

export function ChangesSection(props: {
  section: ReviewPackSections['changes'];
}) {
  const s = props.section;
  return (
    <>
      <Figures>
        <Figure
          label="Change success rate"
          value={formatPercent(s.percent)}
          detail={
            <>
              n = {s.closed}: {s.successful} successful,{' '}
              {s.targetPercent === null
                ? 'no target agreed'
                : `target ${formatPercent(s.targetPercent)}`}
              , <MetWord met={s.met} />
            </>
          }
        />
      </Figures>
      <PackTable
        label="Changes by outcome"
        columns={['Outcome', { label: 'Changes', numeric: true }]}
        keys={s.byOutcome.map(o => o.outcome)}
        rows={s.byOutcome.map(o => [words(o.outcome), o.count])}
        empty="No change closed in the period."
      />
      <SubHeading>Failed or backed out</SubHeading>
      <PackTable
        label="Failed changes"
        columns={['Change', 'Title', 'Type', 'Outcome', 'Closed']}
        keys={s.failed.items.map(c => c.id)}
        rows={s.failed.items.map(c => [
          c.id,
          c.title,
          c.type,
          words(c.outcome),
          formatInstant(c.closedAt),
        ])}
        empty="No change failed or was backed out."
      />
      <ListNote shown={s.failed.items.length} total={s.failed.total} />
    </>
  );
}
