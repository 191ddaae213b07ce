import type { ItsmApi, ListImprovementsOptions } from '../../../api';

/** `improvements-2027-03-01.csv` */
export function improvementsCsvFileName(now: Date = new Date()): string {
  return `improvements-${now.toISOString().slice(0, 10)}.csv`;
}

/**
 * Downloads the register with the current filters as CSV. A plain link would carry no
 * Backstage token, so the file is fetched through the API into a Blob and saved from an
 * object URL.
 */
export async function downloadImprovementsCsv(
  api: ItsmApi,
  options: Omit<ListImprovementsOptions, 'limit' | 'cursor'>,
): Promise<void> {
  const blob = await api.getImprovementsCsv(options);
  const url = URL.createObjectURL(blob);
  try {
    const link = document.createElement('a');
    link.href = url;
    link.download = improvementsCsvFileName();
    document.body.appendChild(link);
    link.click();
    link.remove();
  } finally {
    URL.revokeObjectURL(url);
  }
}
