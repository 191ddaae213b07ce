/** The status code of a failed request, if it was an HTTP answer. */
export function statusCodeOf(error: unknown): number | undefined {
  const code = (error as { statusCode?: unknown } | undefined)?.statusCode;
  return typeof code === 'number' ? code : undefined;
}

/** The server's own message (Backstage error JSON) rather than "Request failed with 400". */
export function serverMessageOf(error: unknown): string {
  const e = error as
    | {
        body?: { error?: { message?: string } };
        cause?: { message?: string };
        message?: string;
      }
    | undefined;
  return (
    e?.body?.error?.message ?? e?.cause?.message ?? e?.message ?? String(error)
  );
}

/** A write made against a version someone else has already replaced (HTTP 412). */
export function isStaleVersion(error: unknown): boolean {
  return statusCodeOf(error) === 412;
}
