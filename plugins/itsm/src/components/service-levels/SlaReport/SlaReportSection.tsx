import { useMemo, useState } from 'react';
import { useApi, useRouteRef } from '@backstage/core-plugin-api';
import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import GetAppOutlined from '@material-ui/icons/GetAppOutlined';
import PrintOutlined from '@material-ui/icons/PrintOutlined';
import useAsync from 'react-use/esm/useAsync';
import { itsmApiRef } from '../../../api';
import { slaReportRouteRef } from '../../../routes';
import { serverMessageOf } from '../../shared/WriteErrorAlert';
import { downloadSlaReportCsv } from './downloadCsv';
import { PeriodPicker, type PeriodValue } from './PeriodPicker';
import { periodOf } from './periods';
import { SlaReportFigures } from './SlaReportFigures';

/** The printable page's URL for a report, or undefined where the ITSM page is not mounted. */
function usePrintHref(query: URLSearchParams | undefined) {
  let base: string | undefined;
  try {
    // Called on every render; it throws only after its own hooks ran (see useRecordPath).
    // eslint-disable-next-line react-hooks/rules-of-hooks
    base = useRouteRef(slaReportRouteRef)();
  } catch {
    base = undefined;
  }
  return base && query ? `${base}?${query}` : undefined;
}

/**
 * The SLA report of an entity for a chosen period (this month, last month, last quarter or
 * custom dates), with "Download CSV" and "Print".
 */
export function SlaReportSection(props: {
  entityRef: string;
  /** The SLA calendar's time zone: periods are its months, quarters and days. */
  timezone?: string;
}) {
  const { entityRef, timezone } = props;
  const itsmApi = useApi(itsmApiRef);
  const [value, setValue] = useState<PeriodValue>({
    choice: 'this_month',
    from: '',
    to: '',
  });
  const period = useMemo(
    () => periodOf(value.choice, new Date(), value, timezone),
    [value, timezone],
  );
  const options = period && { entityRef, from: period.from, to: period.to };
  const report = useAsync(
    async () => (options ? itsmApi.getSlaReport(options) : undefined),
    [itsmApi, entityRef, period?.from, period?.to],
  );
  const [downloading, setDownloading] = useState(false);
  const [downloadError, setDownloadError] = useState<unknown>();
  const printHref = usePrintHref(
    options && new URLSearchParams(options as Record<string, string>),
  );

  const download = async () => {
    if (!options) return;
    setDownloading(true);
    setDownloadError(undefined);
    try {
      await downloadSlaReportCsv(itsmApi, options);
    } catch (e) {
      setDownloadError(e);
    } finally {
      setDownloading(false);
    }
  };

  let body;
  if (!period) {
    body = (
      <Typography color="textSecondary">
        Pick both dates, From no later than To.
      </Typography>
    );
  } else if (report.error) {
    body = (
      <ResponseErrorPanel
        error={report.error}
        title="Could not load the report"
      />
    );
  } else if (report.loading || !report.value) {
    body = <Progress />;
  } else {
    body = <SlaReportFigures report={report.value} />;
  }

  return (
    <section aria-label="SLA report">
      <InfoCard title="Report" subheader={period?.label}>
        <Box
          display="flex"
          flexWrap="wrap"
          alignItems="center"
          justifyContent="space-between"
          mb={2}
          style={{ gap: 16 }}
        >
          <PeriodPicker value={value} onChange={setValue} timezone={timezone} />
          <Box display="flex" style={{ gap: 8 }}>
            <Button
              variant="outlined"
              startIcon={<GetAppOutlined />}
              disabled={!options || downloading}
              onClick={download}
            >
              Download CSV
            </Button>
            {printHref && (
              <Button
                variant="outlined"
                startIcon={<PrintOutlined />}
                href={printHref}
                target="_blank"
                rel="noopener"
              >
                Print
              </Button>
            )}
          </Box>
        </Box>
        {downloadError !== undefined && (
          <Box mb={2}>
            <Alert severity="error" role="alert">
              Could not download the CSV: {serverMessageOf(downloadError)}
            </Alert>
          </Box>
        )}
        {body}
      </InfoCard>
    </section>
  );
}
