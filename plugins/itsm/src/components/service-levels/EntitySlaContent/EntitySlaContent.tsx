import { useMemo, useState } from 'react';
import { useApi } from '@backstage/core-plugin-api';
import {
  EmptyState,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import useAsync from 'react-use/esm/useAsync';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import {
  slaInForce,
  type ServiceLevelAgreement,
} from '@backstage-itsm/plugin-itsm-common';
import { itsmApiRef } from '../../../api';
import { AgreementEditorDialog } from '../SlaEditor';
import { SlaReportSection, periodOf } from '../SlaReport';
import { AgreementSection } from './AgreementSection';
import { BreachesSection } from './BreachesSection';
import { ClocksAtRisk } from './ClocksAtRisk';
import { SupportingAgreementsSection } from './SupportingAgreementsSection';
import { TargetsSection } from './TargetsSection';

/** The SLA of a service: the one in force now, else the newest. */
function pickSla(
  items: ServiceLevelAgreement[],
): ServiceLevelAgreement | undefined {
  return slaInForce(items, new Date()) ?? items[0];
}

/**
 * The "SLA" tab of an entity page: the agreement in force and its history, targets with this
 * month's attainment, clocks at risk now, the breach register, supporting agreements and their
 * alignment, and the report with a period picker, trend chart, CSV download and print view.
 * Without an SLA: what one is, and "Define SLA".
 */
export function EntitySlaContent() {
  const itsmApi = useApi(itsmApiRef);
  const { entity } = useEntity();
  const entityRef = stringifyEntityRef(entity);
  const [editing, setEditing] = useState(false);

  const slaState = useAsyncRetry(async () => {
    const page = await itsmApi.listSlas({ entityRef, limit: 50 });
    return pickSla(page.items) ?? null;
  }, [itsmApi, entityRef]);
  const calendars = useAsync(
    async () => (await itsmApi.listCalendars()).items,
    [itsmApi],
  );
  const sla = slaState.value ?? undefined;
  // Months of the SLA calendar's zone, as the health card and the report's trend count them.
  const timezone = calendars.loading
    ? undefined
    : calendars.value?.find(c => c.id === sla?.calendarId)?.timezone ?? 'UTC';
  const month = useMemo(
    () => timezone && periodOf('this_month', new Date(), undefined, timezone),
    [timezone],
  );
  const monthReport = useAsync(
    async () =>
      sla && month
        ? itsmApi.getSlaReport({ entityRef, from: month.from, to: month.to })
        : undefined,
    [itsmApi, entityRef, sla?.id, sla?.version, month],
  );

  const editor = (
    <AgreementEditorDialog
      open={editing}
      kind="sla"
      entityRef={entityRef}
      existing={sla}
      onClose={() => setEditing(false)}
      onSaved={() => {
        setEditing(false);
        slaState.retry();
      }}
      onReload={slaState.retry}
    />
  );

  if (slaState.error) {
    return (
      <ResponseErrorPanel
        error={slaState.error}
        title="Could not load the SLA"
      />
    );
  }
  if (slaState.loading && slaState.value === undefined) {
    return <Progress />;
  }
  if (!sla) {
    return (
      <>
        <EmptyState
          missing="content"
          title="No SLA for this service yet"
          description="A service level agreement records what this service promises its customers: response and resolution targets per priority on its service hours, availability, workload limits and exceptions. Once defined, new incidents run against its targets, breaches are registered and the monthly report can be shared with the customers. Its owners can define one."
          action={
            <Button
              variant="contained"
              color="primary"
              onClick={() => setEditing(true)}
            >
              Define SLA
            </Button>
          }
        />
        {editor}
      </>
    );
  }

  return (
    <Grid container spacing={3}>
      <Grid item xs={12}>
        <AgreementSection
          sla={sla}
          calendars={calendars.value ?? []}
          onEdit={() => setEditing(true)}
        />
      </Grid>
      <Grid item xs={12} lg={7}>
        <TargetsSection sla={sla} report={monthReport.value} />
        {monthReport.error && (
          <Box mt={1}>
            <Typography variant="body2" color="error">
              Attainment could not be loaded: {monthReport.error.message}
            </Typography>
          </Box>
        )}
      </Grid>
      <Grid item xs={12} lg={5}>
        <ClocksAtRisk entityRef={entityRef} />
      </Grid>
      <Grid item xs={12}>
        <BreachesSection entityRef={entityRef} />
      </Grid>
      <Grid item xs={12}>
        <SupportingAgreementsSection sla={sla} />
      </Grid>
      <Grid item xs={12}>
        {timezone && (
          <SlaReportSection entityRef={entityRef} timezone={timezone} />
        )}
      </Grid>
      {editor}
    </Grid>
  );
}
