import type { ReviewPackSections } from '@backstage-itsm/plugin-itsm-common';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
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

const mean = (value: number | null) =>
  value === null ? '–' : value.toFixed(2);

export function SatisfactionSection(props: {
  section: ReviewPackSections['satisfaction'];
}) {
  const s = props.section;
  if (!s.available) {
    return <Line>Customer satisfaction is not measured for this service.</Line>;
  }
  const f = s.figures;
  return (
    <>
      {f && (
        <Figures>
          <Figure
            label="CSAT"
            value={formatPercent(f.csatPercent)}
            detail={
              <>
                n = {f.ratings},{' '}
                {s.targetPercent === null
                  ? 'no target agreed'
                  : `target ${formatPercent(s.targetPercent)}`}
                , <MetWord met={s.met} />
              </>
            }
          />
          <Figure
            label="Mean rating"
            value={mean(f.meanRating)}
            detail={`of 5, n = ${f.ratings}`}
          />
          <Figure
            label="NPS"
            value={f.nps === null ? '–' : String(f.nps)}
            detail={`n = ${f.npsAnswers}`}
          />
          <Figure
            label="Response rate"
            value={formatPercent(f.responseRatePercent)}
            detail={`${f.responses} responses of ${f.invited} invited`}
          />
        </Figures>
      )}
      {f?.tooFew && (
        <Line>
          Too few responses: the figures are shown, but they do not yet say
          much.
        </Line>
      )}
      <SubHeading>Trend</SubHeading>
      <PackTable
        label="Satisfaction trend"
        columns={[
          'Period',
          { label: 'CSAT', numeric: true },
          { label: 'n', numeric: true },
          { label: 'NPS', numeric: true },
          { label: 'NPS n', numeric: true },
        ]}
        keys={s.trend.map(p => p.label)}
        rows={s.trend.map(p => [
          `${p.label}${p.tooFew ? ' (too few)' : ''}`,
          formatPercent(p.csatPercent),
          p.ratings,
          p.nps ?? '–',
          p.npsAnswers,
        ])}
        empty="No trend yet."
      />
      <SubHeading>Recent comments</SubHeading>
      {s.comments.items.length === 0 && <Line>No comments.</Line>}
      {s.comments.items.map(c => (
        <Box
          key={`${c.source.id} ${c.at}`}
          mb={1}
          component="blockquote"
          style={{ margin: 0, breakInside: 'avoid' }}
        >
          <Typography variant="caption" component="div">
            {formatInstant(c.at)} · {c.source.type} {c.source.id}
            {c.rating !== null && ` · rating ${c.rating} of 5`}
            {c.nps !== null && ` · NPS answer ${c.nps}`}
          </Typography>
          <Markdown content={c.comment} />
        </Box>
      ))}
      {s.comments.more && (
        <Typography variant="caption" component="p" paragraph>
          Showing the {s.comments.items.length} newest comments; the period has
          more.
        </Typography>
      )}
    </>
  );
}

export function ComplaintsSection(props: {
  section: ReviewPackSections['complaints'];
}) {
  const s = props.section;
  if (!s.available) {
    return <Line>Complaints are not recorded for this service.</Line>;
  }
  return (
    <>
      <Figures>
        <Figure label="Raised in the period" value={String(s.raised)} />
        <Figure label="Open at its end" value={String(s.open)} />
        <Figure label="Resolved in the period" value={String(s.resolved)} />
        <Figure label="Escalated" value={String(s.escalated)} />
      </Figures>
      <PackTable
        label="Complaints"
        columns={[
          'Complaint',
          'Title',
          'Status',
          'Owner',
          'Raised',
          'Resolved',
        ]}
        keys={s.items.map(c => c.id)}
        rows={s.items.map(c => [
          c.id,
          c.title,
          `${words(c.status)}${c.escalated ? ' (escalated)' : ''}`,
          c.owner ?? '–',
          formatInstant(c.raisedAt),
          formatInstant(c.resolvedAt),
        ])}
        empty="No complaints raised in the period or open at its end."
      />
      {s.items.length >= s.cap && (
        <Typography variant="caption" component="p" paragraph>
          Showing the newest {s.items.length}; there may be more.
        </Typography>
      )}
    </>
  );
}

export function ActionsSection(props: {
  section: ReviewPackSections['actions'];
}) {
  const { items } = props.section;
  return (
    <>
      <PackTable
        label="Open actions"
        columns={['Action', 'Title', 'Owner', 'Due', 'Status']}
        keys={items.items.map(a => a.id)}
        rows={items.items.map(a => [
          a.id,
          a.title,
          a.owner,
          a.dueDate ?? 'no due date',
          words(a.status),
        ])}
        empty="No action of an earlier review is open."
      />
      <ListNote shown={items.items.length} total={items.total} />
    </>
  );
}
