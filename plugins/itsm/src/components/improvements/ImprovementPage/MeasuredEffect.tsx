import { useState } from 'react';
import { InfoCard } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import {
  IMPROVEMENT_KPI_DEFINITIONS,
  improvementBaselineWindow,
  improvementMeasurementWindow,
  type Improvement,
  type ImprovementFigure,
  type ImprovementKpiDefinition,
} from '@backstage-itsm/plugin-itsm-common';
import { itsmApiRef } from '../../../api';
import { Fact, Unset } from '../../shared/Fact';
import { WriteErrorAlert } from '../../shared/WriteErrorAlert';
import { VerdictChip } from '../ImprovementBadges';
import {
  formatDay,
  formatGoal,
  formatKpiValue,
  formatRelativeTarget,
  formatWindowDays,
  improvementGoal,
  kpiSentence,
} from '../record/improvementKind';
import { BeforeAfterChart } from './BeforeAfterChart';

export { formatWindowDays };

function Figure(props: {
  label: string;
  figure: ImprovementFigure | null;
  unit: ImprovementKpiDefinition['unit'];
  testId: string;
  empty: string;
}) {
  const { figure } = props;
  return (
    <Fact label={props.label}>
      <div data-testid={props.testId}>
        {figure ? (
          <>
            <Typography variant="h6" component="div">
              {figure.value === null
                ? 'No value'
                : formatKpiValue(figure.value, props.unit)}
            </Typography>
            <Typography variant="body2" component="div" color="textSecondary">
              {formatWindowDays(figure)},{' '}
              <span style={{ whiteSpace: 'nowrap' }}>n = {figure.n}</span>
            </Typography>
          </>
        ) : (
          <Unset text={props.empty} />
        )}
      </div>
    </Fact>
  );
}

/**
 * What the system says about the item's effect: the KPI in one sentence, the baseline
 * frozen at approval (window and n), the measurement after implementation and settling, the
 * goal and the verdict, before and after as a chart; "Measure now" once the measurement
 * window is over (or when the system will measure it).
 */
export function MeasuredEffect(props: {
  item: Improvement;
  onChange: (item: Improvement) => void;
  onReload: () => void;
  now?: Date;
}) {
  const { item } = props;
  const itsmApi = useApi(itsmApiRef);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const { kpi } = item;
  const rejected = item.status === 'rejected';
  if (!kpi) {
    let text =
      'No KPI: the owner records the evaluation by hand once it is implemented.';
    if (rejected) text = 'No KPI, and rejected: nothing to evaluate.';
    else if (item.evaluatedAt || item.status === 'closed') {
      text = 'No KPI: the owner evaluated it by hand (see Evaluation).';
    }
    return (
      <InfoCard title="Measured effect">
        <Typography variant="body2" color="textSecondary">
          {text}
        </Typography>
      </InfoCard>
    );
  }
  const definition = IMPROVEMENT_KPI_DEFINITIONS[kpi.kpi];
  const now = props.now ?? new Date();
  const window = improvementMeasurementWindow(item);
  const windowOver = window !== null && window.to.getTime() <= now.getTime();
  const plannedBaseline = item.approvedAt
    ? null
    : improvementBaselineWindow(kpi, now);
  let baselineEmpty = 'Not recorded';
  if (rejected) baselineEmpty = 'Not frozen: rejected before approval';
  else if (plannedBaseline) {
    baselineEmpty = `On approval: the ${kpi.windowDays} days before`;
  }
  let measuredEmpty = `${kpi.settleDays} days after implementation, for ${kpi.windowDays} days`;
  if (rejected) measuredEmpty = 'Not measured: rejected';
  else if (window) measuredEmpty = `Over ${formatWindowDays(window)}`;
  // Before the measurement, what the target makes of the frozen baseline.
  const goal = improvementGoal(item);
  const relativeTarget = formatRelativeTarget(kpi);

  const measure = async () => {
    setBusy(true);
    setError(undefined);
    try {
      props.onChange(
        await itsmApi.evaluateImprovement({
          id: item.id,
          version: item.version,
        }),
      );
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  let measuring = null;
  if (item.status === 'implemented' && window) {
    measuring = windowOver ? (
      <Box mt={2}>
        <Button
          variant="contained"
          color="primary"
          onClick={measure}
          disabled={busy}
          data-testid="improvement-measure-now"
        >
          Measure now
        </Button>
      </Box>
    ) : (
      <Box mt={2}>
        <Typography variant="body2">
          The system measures {formatWindowDays(window)} once it is over, on{' '}
          {formatDay(window.to)}.
        </Typography>
      </Box>
    );
  }

  return (
    <InfoCard title="Measured effect">
      <Typography variant="body1" gutterBottom data-testid="improvement-kpi">
        {kpiSentence(kpi, item.entityRefs)}
      </Typography>
      <Grid container spacing={2}>
        <Grid item xs={12} md={6}>
          <Grid container spacing={2}>
            <Grid item xs={6}>
              <Figure
                label="Baseline (frozen at approval)"
                figure={item.baseline}
                unit={definition.unit}
                testId="improvement-baseline"
                empty={baselineEmpty}
              />
            </Grid>
            <Grid item xs={6}>
              <Figure
                label="Measured"
                figure={item.measured}
                unit={definition.unit}
                testId="improvement-measured"
                empty={measuredEmpty}
              />
            </Grid>
            <Grid item xs={6}>
              <Fact label="Goal">
                {goal !== null ? (
                  <>
                    <div>
                      {formatGoal(goal, kpi.direction, definition.unit)}
                    </div>
                    {relativeTarget && <Unset text={relativeTarget} />}
                  </>
                ) : (
                  <Unset text={relativeTarget ?? 'Not set'} />
                )}
              </Fact>
            </Grid>
            <Grid item xs={6}>
              <Fact label="Verdict">
                {item.verdict ? (
                  <VerdictChip
                    verdict={item.verdict}
                    detailed
                    testId="improvement-verdict"
                  />
                ) : (
                  <Unset
                    text={rejected ? 'None: rejected' : 'Not measured yet'}
                  />
                )}
              </Fact>
            </Grid>
          </Grid>
        </Grid>
        <Grid item xs={12} md={6}>
          {item.baseline || item.measured ? (
            <BeforeAfterChart
              baseline={item.baseline}
              measured={item.measured}
              goal={goal}
              verdict={item.verdict}
              unit={definition.unit}
            />
          ) : (
            !rejected && (
              <Typography variant="body2" color="textSecondary">
                Before and after show here as a chart once the baseline is
                frozen at approval.
              </Typography>
            )
          )}
        </Grid>
      </Grid>
      {measuring}
      {error !== undefined && (
        <Box mt={1}>
          <WriteErrorAlert
            error={error}
            recordName="improvement"
            onReload={() => {
              setError(undefined);
              props.onReload();
            }}
          />
        </Box>
      )}
    </InfoCard>
  );
}
