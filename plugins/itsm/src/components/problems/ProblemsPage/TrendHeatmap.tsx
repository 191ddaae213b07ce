import { useState } from 'react';
import { InfoCard, ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { alpha, useTheme } from '@material-ui/core/styles';
import GetAppIcon from '@material-ui/icons/GetApp';
import useAsync from 'react-use/esm/useAsync';
import {
  itsmApiRef,
  type IncidentTrendOptions,
  type ItsmApi,
} from '../../../api';
import { WriteErrorAlert } from '../../shared/WriteErrorAlert';

const TREND: IncidentTrendOptions = { groupBy: 'entity', interval: 'week' };

/** Cell shading: the share of the busiest cell, so one hot week stands out. */
export function shadeOf(count: number, max: number): number {
  if (count <= 0 || max <= 0) return 0;
  return 0.15 + 0.75 * (count / max);
}

/**
 * Downloads the trend as CSV. A plain link would carry no Backstage token, so the file is
 * fetched through the API into a Blob and saved from an object URL.
 */
export async function downloadTrendCsv(
  api: ItsmApi,
  options: IncidentTrendOptions,
): Promise<void> {
  const blob = await api.getIncidentTrendsCsv(options);
  const url = URL.createObjectURL(blob);
  try {
    const link = document.createElement('a');
    link.href = url;
    link.download = `incident-trends-${options.groupBy}-${
      options.interval ?? 'week'
    }.csv`;
    document.body.appendChild(link);
    link.click();
    link.remove();
  } finally {
    URL.revokeObjectURL(url);
  }
}

const weekOf = (period: string) =>
  new Date(period).toLocaleDateString(undefined, {
    day: 'numeric',
    month: 'short',
    timeZone: 'UTC',
  });

/**
 * Incidents per entity and week as a heatmap: one row per entity (the busiest first, as the
 * server orders them), one shaded cell per week; "Download CSV" saves the same figures.
 */
export function TrendHeatmap() {
  const itsmApi = useApi(itsmApiRef);
  const theme = useTheme();
  const { value, error, loading } = useAsync(
    () => itsmApi.getIncidentTrends(TREND),
    [itsmApi],
  );
  const [downloadError, setDownloadError] = useState<unknown>();
  const max = Math.max(0, ...(value?.rows ?? []).flatMap(row => row.counts));

  return (
    <InfoCard
      title="Incident trend"
      subheader="Incidents per entity and week"
      action={
        <Box mt={1} mr={1}>
          <Button
            variant="outlined"
            startIcon={<GetAppIcon />}
            onClick={() => {
              setDownloadError(undefined);
              downloadTrendCsv(itsmApi, TREND).catch(setDownloadError);
            }}
          >
            Download CSV
          </Button>
        </Box>
      }
    >
      <WriteErrorAlert error={downloadError} />
      {error && (
        <ResponseErrorPanel error={error} title="Could not load the trend" />
      )}
      {!error && !loading && value && value.rows.length === 0 && (
        <Typography variant="body2" color="textSecondary">
          No incidents in the period.
        </Typography>
      )}
      {value && value.rows.length > 0 && (
        <Box overflow="auto">
          <Table size="small" aria-label="Incidents per entity and week">
            <TableHead>
              <TableRow>
                <TableCell>Entity</TableCell>
                {value.periods.map(period => (
                  <TableCell key={period} align="center">
                    {weekOf(period)}
                  </TableCell>
                ))}
                <TableCell align="right">Total</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {value.rows.map(row => (
                <TableRow key={row.key}>
                  <TableCell component="th" scope="row">
                    {row.key.includes(':') ? (
                      <EntityRefLink entityRef={row.key} hideIcon />
                    ) : (
                      row.key
                    )}
                  </TableCell>
                  {row.counts.map((count, index) => {
                    const shade = shadeOf(count, max);
                    return (
                      <TableCell
                        key={value.periods[index] ?? index}
                        align="center"
                        title={`${row.key}, week of ${value.periods[index]}: ${count}`}
                        style={{
                          backgroundColor: shade
                            ? alpha(theme.palette.error.main, shade)
                            : undefined,
                          color:
                            shade > 0.55
                              ? theme.palette.error.contrastText
                              : undefined,
                        }}
                      >
                        {count || ''}
                      </TableCell>
                    );
                  })}
                  <TableCell align="right">
                    <strong>{row.total}</strong>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Box>
      )}
    </InfoCard>
  );
}
