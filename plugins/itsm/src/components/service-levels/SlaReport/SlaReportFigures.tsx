import Box from '@material-ui/core/Box';
import Grid from '@material-ui/core/Grid';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import type { SlaReport } from '@backstage-itsm/plugin-itsm-common';
import { SlaTone } from '../SlaTone';
import { AttainmentChart } from './AttainmentChart';
import {
  formatTargetMs,
  metWord,
  targetLabel,
  WORKLOAD_LABELS,
} from './labels';
import { formatPercent } from './periods';

function Figure(props: {
  label: string;
  value: string;
  detail?: string;
  met?: boolean | null;
}) {
  let tone: 'ok' | 'error' | 'neutral' = 'neutral';
  if (props.met === true) tone = 'ok';
  if (props.met === false) tone = 'error';
  return (
    <Box role="group" aria-label={props.label}>
      <Typography variant="caption" color="textSecondary" component="div">
        {props.label}
      </Typography>
      <Typography variant="h5" component="div">
        <SlaTone tone={tone}>{props.value}</SlaTone>
      </Typography>
      {props.detail && (
        <Typography variant="body2" color="textSecondary">
          {props.detail}
        </Typography>
      )}
    </Box>
  );
}

const target = (value: number | null) =>
  value === null ? 'no target agreed' : `target ${formatPercent(value)}`;

/**
 * The figures of an SLA report: overall attainment, availability, change success and CSAT
 * against their targets, attainment per target, workload against limits, breaches and the
 * trend chart. Plain tables, so the printable page can use it as it is.
 */
export function SlaReportFigures(props: { report: SlaReport }) {
  const { report } = props;
  const { availability, changeSuccess, csat, overall } = report;
  return (
    <Box>
      <Grid container spacing={3}>
        <Grid item xs={6} md={3}>
          <Figure
            label="Attainment"
            value={formatPercent(overall.percent)}
            detail={`${overall.met} met, ${overall.breached} breached, ${overall.waived} waived`}
            met={overall.percent === null ? null : overall.breached === 0}
          />
        </Grid>
        <Grid item xs={6} md={3}>
          <Figure
            label="Availability"
            value={formatPercent(availability.percent)}
            detail={target(availability.targetPercent)}
            met={availability.met}
          />
        </Grid>
        <Grid item xs={6} md={3}>
          <Figure
            label="Change success"
            value={formatPercent(changeSuccess.percent)}
            detail={`${changeSuccess.successful} of ${
              changeSuccess.closed
            } changes, ${target(changeSuccess.targetPercent)}`}
            met={changeSuccess.met}
          />
        </Grid>
        <Grid item xs={6} md={3}>
          <Figure
            label="CSAT"
            value={formatPercent(csat.percent)}
            detail={`n = ${csat.responses}, ${target(csat.targetPercent)}`}
            met={csat.met}
          />
        </Grid>
      </Grid>

      <Box mt={3}>
        <Typography variant="h6" component="h3">
          Attainment per target
        </Typography>
        <Table size="small" aria-label="Attainment per target">
          <TableHead>
            <TableRow>
              <TableCell>Target</TableCell>
              <TableCell>Agreed</TableCell>
              <TableCell align="right">Met</TableCell>
              <TableCell align="right">Breached</TableCell>
              <TableCell align="right">Waived</TableCell>
              <TableCell align="right">Attainment</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {report.targets.length === 0 && (
              <TableRow>
                <TableCell colSpan={6}>
                  No incident clock was decided in this period.
                </TableCell>
              </TableRow>
            )}
            {report.targets.map(row => (
              <TableRow key={row.target}>
                <TableCell>{targetLabel(row.target)}</TableCell>
                <TableCell>
                  {formatTargetMs(row.targetMs)}
                  {row.fromDefaults > 0 &&
                    ` (${row.fromDefaults} from defaults)`}
                </TableCell>
                <TableCell align="right">{row.met}</TableCell>
                <TableCell align="right">{row.breached}</TableCell>
                <TableCell align="right">{row.waived}</TableCell>
                <TableCell align="right">
                  {formatPercent(row.percent)}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Box>

      <Grid container spacing={3}>
        <Grid item xs={12} md={6}>
          <Box mt={3}>
            <Typography variant="h6" component="h3">
              Workload against limits
            </Typography>
            <Table size="small" aria-label="Workload against limits">
              <TableHead>
                <TableRow>
                  <TableCell>Metric</TableCell>
                  <TableCell align="right">Actual</TableCell>
                  <TableCell align="right">Limit</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {report.workload.map(row => (
                  <TableRow key={row.metric}>
                    <TableCell>{WORKLOAD_LABELS[row.metric]}</TableCell>
                    <TableCell align="right">
                      <SlaTone tone={row.exceeded ? 'error' : 'neutral'}>
                        {row.actual}
                        {row.exceeded ? ' (above the limit)' : ''}
                      </SlaTone>
                    </TableCell>
                    <TableCell align="right">{row.limit ?? '–'}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </Box>
        </Grid>
        <Grid item xs={12} md={6}>
          <Box mt={3}>
            <Typography variant="h6" component="h3">
              Breaches
            </Typography>
            <Typography variant="body2" gutterBottom>
              {report.breaches.total} breaches, {report.breaches.waived} of them
              waived. Availability:{' '}
              {availability.percent === null
                ? 'no agreed service time in the period'
                : `${formatPercent(availability.percent)} (${metWord(
                    availability.met,
                  )})`}
              .
            </Typography>
            <Table size="small" aria-label="Breaches in the period">
              <TableBody>
                {report.breaches.items.map(breach => (
                  <TableRow key={breach.id}>
                    <TableCell>{breach.id}</TableCell>
                    <TableCell>{breach.recordId}</TableCell>
                    <TableCell>
                      P{breach.priority} {breach.clock}
                    </TableCell>
                    <TableCell>
                      {new Date(breach.breachedAt).toLocaleString()}
                    </TableCell>
                    <TableCell>{breach.waiver ? 'waived' : ''}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </Box>
        </Grid>
      </Grid>

      <Box mt={3}>
        <Typography variant="h6" component="h3">
          Trend
        </Typography>
        <Typography variant="body2" color="textSecondary">
          Bars: attainment per period; line: availability; dashed: target.
        </Typography>
        <AttainmentChart
          trend={report.trend}
          targetPercent={availability.targetPercent}
        />
      </Box>
    </Box>
  );
}
