import type { ReviewPackSections } from '@backstage-itsm/plugin-itsm-common';
import {
  WORKLOAD_LABELS,
  formatTargetMs,
  targetLabel,
} from '../../service-levels/SlaReport/labels';
import {
  Figure,
  Figures,
  Line,
  ListNote,
  MetWord,
  PackTable,
  SubHeading,
  formatHours,
  formatInstant,
  formatPercent,
} from './parts';

const target = (value: number | null) =>
  value === null ? 'no target agreed' : `target ${formatPercent(value)}`;

export function SlaSection(props: { section: ReviewPackSections['sla'] }) {
  const { overall, targets, trend } = props.section;
  const n = overall.met + overall.breached;
  return (
    <>
      <Figures>
        <Figure
          label="Attainment"
          value={formatPercent(overall.percent)}
          detail={`n = ${n}: ${overall.met} met, ${overall.breached} breached, ${overall.waived} waived`}
        />
      </Figures>
      <SubHeading>Per target</SubHeading>
      <PackTable
        label="Attainment per target"
        columns={[
          'Target',
          'Agreed',
          { label: 'Met', numeric: true },
          { label: 'Breached', numeric: true },
          { label: 'Waived', numeric: true },
          { label: 'Attainment', numeric: true },
        ]}
        keys={targets.map(t => t.target)}
        rows={targets.map(t => [
          targetLabel(t.target),
          `${formatTargetMs(t.targetMs)}${
            t.fromDefaults > 0 ? ` (${t.fromDefaults} from defaults)` : ''
          }`,
          t.met,
          t.breached,
          t.waived,
          formatPercent(t.percent),
        ])}
        empty="No incident clock was decided in this period."
      />
      <SubHeading>Trend</SubHeading>
      <PackTable
        label="Attainment trend"
        columns={[
          'Month',
          { label: 'Met', numeric: true },
          { label: 'Breached', numeric: true },
          { label: 'Attainment', numeric: true },
        ]}
        keys={trend.map(p => p.label)}
        rows={trend.map(p => [
          p.label,
          p.met,
          p.breached,
          formatPercent(p.attainmentPercent),
        ])}
        empty="No earlier months."
      />
    </>
  );
}

export function AvailabilitySection(props: {
  section: ReviewPackSections['availability'];
}) {
  const a = props.section;
  return (
    <>
      <Figures>
        <Figure
          label="Availability"
          value={formatPercent(a.percent)}
          detail={
            <>
              {target(a.targetPercent)}, <MetWord met={a.met} />
            </>
          }
        />
        <Figure
          label="Outage in agreed service time"
          value={formatHours(a.outageMs)}
          detail={`of ${formatHours(a.serviceMs)} agreed service time`}
        />
      </Figures>
      <PackTable
        label="Availability trend"
        columns={['Month', { label: 'Availability', numeric: true }]}
        keys={a.trend.map(p => p.label)}
        rows={a.trend.map(p => [p.label, formatPercent(p.percent)])}
        empty="No earlier months."
      />
    </>
  );
}

export function WorkloadSection(props: {
  section: ReviewPackSections['workload'];
}) {
  const { items } = props.section;
  return (
    <PackTable
      label="Workload against limits"
      columns={[
        'Metric',
        { label: 'Actual', numeric: true },
        { label: 'Limit', numeric: true },
        'Within the limit',
      ]}
      keys={items.map(w => w.metric)}
      rows={items.map(w => [
        WORKLOAD_LABELS[w.metric] ?? w.metric,
        w.actual,
        w.limit ?? '–',
        <MetWord met={w.limit === null ? null : !w.exceeded} />,
      ])}
      empty="No workload was counted."
    />
  );
}

export function BreachesSection(props: {
  section: ReviewPackSections['breaches'];
}) {
  const b = props.section;
  return (
    <>
      <Line>
        {b.total} breaches in the period, {b.waived} of them waived.
      </Line>
      <SubHeading>Causes</SubHeading>
      <PackTable
        label="Breach causes"
        columns={['Cause', { label: 'Breaches', numeric: true }]}
        rows={b.causes.items.map(c => [
          c.cause ?? 'No cause recorded',
          c.count,
        ])}
        empty="No breaches."
      />
      <ListNote shown={b.causes.items.length} total={b.causes.total} />
      <SubHeading>Newest breaches</SubHeading>
      <PackTable
        label="Breaches"
        columns={['Breach', 'Record', 'Target', 'Breached', 'Cause', 'Action']}
        keys={b.items.items.map(i => i.id)}
        rows={b.items.items.map(i => [
          i.id,
          i.recordId,
          `${targetLabel(`p${i.priority}.${i.clock}`)}${
            i.waived ? ' (waived)' : ''
          }`,
          formatInstant(i.breachedAt),
          i.cause ?? '–',
          i.action ?? '–',
        ])}
        empty="No breaches."
      />
      <ListNote shown={b.items.items.length} total={b.items.total} />
    </>
  );
}

export function AlignmentSection(props: {
  section: ReviewPackSections['alignment'];
}) {
  const a = props.section;
  if (a.slaId === null) {
    return <Line>The service has no SLA, so nothing underpins it.</Line>;
  }
  return (
    <>
      <PackTable
        label="Supporting agreements"
        columns={['Agreement', 'Kind', 'Title', `Aligned with ${a.slaId}`]}
        keys={a.agreements.map(x => x.id)}
        rows={a.agreements.map(x => [
          x.id,
          x.kind === 'ola' ? 'OLA' : 'UC',
          x.title,
          <MetWord met={x.aligned} />,
        ])}
        empty={`No OLA or UC underpins ${a.slaId}.`}
      />
      {a.findings.length > 0 && (
        <>
          <SubHeading>Looser than the SLA</SubHeading>
          <ul>
            {a.findings.map(f => (
              <li key={`${f.agreementId} ${f.field}`}>{f.message}</li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
