import { useApi } from '@backstage/core-plugin-api';
import {
  Progress,
  ResponseErrorPanel,
  WarningPanel,
} from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import PrintOutlined from '@material-ui/icons/PrintOutlined';
import { useSearchParams } from 'react-router-dom';
import useAsync from 'react-use/esm/useAsync';
import { itsmApiRef } from '../../../api';
import { SlaReportFigures } from '../SlaReport';

const useStyles = makeStyles(theme => ({
  page: {
    maxWidth: 960,
    margin: '0 auto',
    padding: theme.spacing(3),
    background: theme.palette.background.paper,
    '@media print': {
      maxWidth: 'none',
      padding: 0,
      color: '#000',
      background: '#fff',
    },
  },
  noPrint: {
    '@media print': { display: 'none' },
  },
}));

const day = (iso: string) => iso.slice(0, 10);

/** `[from, to)` as inclusive dates: `2026-11-01 to 2026-11-30`. */
function periodWords(from: string, to: string): string {
  const last = new Date(Date.parse(to) - 1).toISOString();
  return `${day(from)} to ${day(last)}`;
}

/**
 * The printable SLA report, `/itsm/sla-report?entityRef=&from=&to=`: the figures on a plain
 * page, laid out for paper, with a Print button that stays off the printout.
 */
export function SlaReportPage() {
  const classes = useStyles();
  const itsmApi = useApi(itsmApiRef);
  const [params] = useSearchParams();
  const entityRef = params.get('entityRef') ?? '';
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  const complete = Boolean(entityRef && from && to);
  const { value, loading, error } = useAsync(
    async () =>
      complete ? itsmApi.getSlaReport({ entityRef, from, to }) : undefined,
    [itsmApi, entityRef, from, to, complete],
  );

  if (!complete) {
    return (
      <WarningPanel title="Which report?">
        The page needs entityRef, from and to in its address; open it with
        “Print” on a service's SLA tab.
      </WarningPanel>
    );
  }
  return (
    <Box className={classes.page}>
      <Box
        display="flex"
        justifyContent="space-between"
        alignItems="flex-start"
        mb={2}
      >
        <Box>
          <Typography variant="h4" component="h1">
            Service level report
          </Typography>
          <Typography variant="subtitle1">
            {value?.sla?.title ?? entityRef}
          </Typography>
          <Typography variant="body2" color="textSecondary">
            {entityRef} · {periodWords(from, to)}
            {value?.sla && ` · ${value.sla.id} revision ${value.sla.revision}`}
          </Typography>
          {value?.sla && value.sla.customerGroups.length > 0 && (
            <Typography variant="body2" color="textSecondary">
              Customers: {value.sla.customerGroups.join(', ')}
            </Typography>
          )}
        </Box>
        <Button
          className={classes.noPrint}
          variant="contained"
          color="primary"
          startIcon={<PrintOutlined />}
          onClick={() => window.print()}
        >
          Print
        </Button>
      </Box>
      {error && (
        <ResponseErrorPanel error={error} title="Could not load the report" />
      )}
      {loading && <Progress />}
      {value && (
        <>
          {!value.sla && (
            <Typography paragraph>
              No SLA was in force in this period; the figures use the configured
              default targets.
            </Typography>
          )}
          <SlaReportFigures report={value} />
          <Typography variant="caption" color="textSecondary" component="p">
            Generated {new Date(value.generatedAt).toLocaleString()}. A clock
            counts in the period its outcome is decided; cancelled incidents do
            not count; waived breaches are listed apart.
          </Typography>
        </>
      )}
    </Box>
  );
}
