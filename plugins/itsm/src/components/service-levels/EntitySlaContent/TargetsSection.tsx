import { InfoCard } from '@backstage/core-components';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import {
  PRIORITY_KEYS,
  PRIORITY_LABELS,
  priorityOfKey,
  type DurationTarget,
  type ServiceLevelAgreement,
  type SlaReport,
  type TargetAttainment,
} from '@backstage-itsm/plugin-itsm-common';
import { formatPercent } from '../SlaReport';
import { toneOfMet } from '../SlaReport/labels';
import { SlaTone } from '../SlaTone';

function attainmentText(row: TargetAttainment | undefined): string {
  if (!row || row.percent === null) return 'nothing decided yet';
  return `${formatPercent(row.percent)} (${row.met} met, ${
    row.breached
  } breached${row.waived ? `, ${row.waived} waived` : ''})`;
}

function AttainmentCell(props: {
  row: TargetAttainment | undefined;
  met?: boolean | null;
}) {
  const { row } = props;
  let tone: 'ok' | 'error' | 'neutral' = 'neutral';
  const met =
    props.met ?? (row && row.percent !== null ? row.breached === 0 : null);
  if (met === true) tone = 'ok';
  if (met === false) tone = 'error';
  return <SlaTone tone={tone}>{attainmentText(row)}</SlaTone>;
}

function DurationCell(props: { target?: DurationTarget; calendarId: string }) {
  if (!props.target) {
    return (
      <Typography variant="body2" color="textSecondary" component="span">
        default
      </Typography>
    );
  }
  const calendar = props.target.calendarId ?? props.calendarId;
  return (
    <span>
      {props.target.duration}{' '}
      <Typography variant="caption" color="textSecondary" component="span">
        ({calendar})
      </Typography>
    </span>
  );
}

/**
 * The agreed targets with this period's attainment (month to date, from the report): response
 * and resolution per priority, then availability, change success and CSAT.
 */
export function TargetsSection(props: {
  sla: ServiceLevelAgreement;
  report: SlaReport | undefined;
}) {
  const { sla, report } = props;
  const byTarget = new Map(report?.targets.map(t => [t.target, t]) ?? []);
  const percentRow = (
    label: string,
    target: number | undefined,
    actual: number | null | undefined,
    met: boolean | null | undefined,
    detail: string,
  ) => (
    <TableRow key={label}>
      <TableCell>{label}</TableCell>
      <TableCell colSpan={2}>
        {target === undefined ? 'not agreed' : formatPercent(target)}
      </TableCell>
      <TableCell colSpan={2}>
        {report ? (
          <SlaTone tone={toneOfMet(met)}>
            {actual === null || actual === undefined
              ? 'nothing measured yet'
              : `${formatPercent(actual)} ${detail}`}
          </SlaTone>
        ) : (
          '…'
        )}
      </TableCell>
    </TableRow>
  );
  return (
    <InfoCard
      title="Targets"
      subheader="Attainment this month to date (clocks decided this month)"
    >
      <Table size="small" aria-label="Targets and attainment">
        <TableHead>
          <TableRow>
            {[
              'Priority',
              'Response',
              'Resolution',
              'Response attainment',
              'Resolution attainment',
            ].map(heading => (
              // Short headings stay on one line; the attainment ones may wrap.
              <TableCell
                key={heading}
                style={
                  heading.includes(' ') ? undefined : { whiteSpace: 'nowrap' }
                }
              >
                {heading}
              </TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {PRIORITY_KEYS.map(key => {
            const clocks = sla.targets.incidents[key] ?? {};
            return (
              <TableRow key={key}>
                <TableCell style={{ whiteSpace: 'nowrap' }}>
                  {PRIORITY_LABELS[priorityOfKey(key)]}
                </TableCell>
                <TableCell>
                  <DurationCell
                    target={clocks.response}
                    calendarId={sla.calendarId}
                  />
                </TableCell>
                <TableCell>
                  <DurationCell
                    target={clocks.resolution}
                    calendarId={sla.calendarId}
                  />
                </TableCell>
                <TableCell>
                  {report ? (
                    <AttainmentCell row={byTarget.get(`${key}.response`)} />
                  ) : (
                    '…'
                  )}
                </TableCell>
                <TableCell>
                  {report ? (
                    <AttainmentCell row={byTarget.get(`${key}.resolution`)} />
                  ) : (
                    '…'
                  )}
                </TableCell>
              </TableRow>
            );
          })}
          {percentRow(
            'Availability',
            sla.targets.availabilityPercent,
            report?.availability.percent,
            report?.availability.met,
            'of agreed service time',
          )}
          {percentRow(
            'Change success',
            sla.targets.changeSuccessRatePercent,
            report?.changeSuccess.percent,
            report?.changeSuccess.met,
            `(${report?.changeSuccess.successful ?? 0} of ${
              report?.changeSuccess.closed ?? 0
            })`,
          )}
          {percentRow(
            'CSAT',
            sla.targets.csatPercent,
            report?.csat.percent,
            report?.csat.met,
            `(n = ${report?.csat.responses ?? 0})`,
          )}
        </TableBody>
      </Table>
    </InfoCard>
  );
}
