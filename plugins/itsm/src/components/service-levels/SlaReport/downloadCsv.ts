import type { ItsmApi, SlaReportOptions } from '../../../api';

/** `sla-payments-api-2026-11-01-2026-12-01.csv` */
export function csvFileName(options: SlaReportOptions): string {
  const name = options.entityRef.split('/').pop() ?? 'service';
  return `sla-${name}-${options.from.slice(0, 10)}-${options.to.slice(
    0,
    10,
  )}.csv`.toLocaleLowerCase('en-US');
}

/**
 * Downloads the report as CSV. A plain link would carry no Backstage token, so the file is
 * fetched through the API into a Blob and saved from an object URL.
 */
export async function downloadSlaReportCsv(
  api: ItsmApi,
  options: SlaReportOptions,
): Promise<void> {
  const blob = await api.getSlaReportCsv(options);
  const url = URL.createObjectURL(blob);
  try {
    const link = document.createElement('a');
    link.href = url;
    link.download = csvFileName(options);
    document.body.appendChild(link);
    link.click();
    link.remove();
  } finally {
    URL.revokeObjectURL(url);
  }
}
