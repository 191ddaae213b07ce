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
import { formatKpiValue, kpiSentence } from '../record/improvementKind';
import { BeforeAfterChart } from './BeforeAfterChart';

const day = (iso: string | Date) =>
  (typeof iso === 'string' ? iso : iso.toISOString()).slice(0, 10);

/** `[from, to)` of a window as days: `2027-01-01 – 2027-01-29`. */
export function formatWindowDays(window: {
  from: string | Date;
  to: string | Date;
}): string {
  return `${day(window.from)} – ${day(window.to)}`;
}

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
      <span data-testid={props.testId}>
        {figure ? (
          <>
            <Typography variant="h6" component="span">
              {formatKpiValue(figure.value, props.unit)}
            </Typography>{' '}
            <Typography variant="body2" component="span" color="textSecondary">
              n = {figure.n} · {formatWindowDays(figure)}
            </Typography>
          </>
        ) : (
          <Unset text={props.empty} />
        )}
      </span>
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
  if (!kpi) {
    return (
      <InfoCard title="Measured effect">
        <Typography variant="body2" color="textSecondary">
          No KPI: the owner records the evaluation by hand once it is
          implemented.
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
          {day(window.to)}.
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
        <Grid item xs={12} sm={6} md={3}>
          <Figure
            label="Baseline (frozen at approval)"
            figure={item.baseline}
            unit={definition.unit}
            testId="improvement-baseline"
            empty={
              plannedBaseline
                ? `On approval: the ${kpi.windowDays} days before`
                : 'Not recorded'
            }
          />
        </Grid>
        <Grid item xs={12} sm={6} md={3}>
          <Figure
            label="Measured"
            figure={item.measured}
            unit={definition.unit}
            testId="improvement-measured"
            empty={
              window
                ? `Over ${formatWindowDays(window)}`
                : `${kpi.settleDays} days after implementation, for ${kpi.windowDays} days`
            }
          />
        </Grid>
        <Grid item xs={6} sm={6} md={3}>
          <Fact label="Goal">
            {item.goal !== null ? (
              formatKpiValue(item.goal, definition.unit)
            ) : (
              <Unset text="From the baseline" />
            )}
          </Fact>
        </Grid>
        <Grid item xs={6} sm={6} md={3}>
          <Fact label="Verdict">
            {item.verdict ? (
              <VerdictChip
                verdict={item.verdict}
                detailed
                testId="improvement-verdict"
              />
            ) : (
              <Unset text="Not measured yet" />
            )}
          </Fact>
        </Grid>
      </Grid>
      <Box mt={2}>
        <BeforeAfterChart
          baseline={item.baseline}
          measured={item.measured}
          goal={item.goal}
          verdict={item.verdict}
          unit={definition.unit}
        />
      </Box>
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
