import { useEffect, useRef, useState } from 'react';
/**
 * The record (incident, change, ...) a form edits, fixed when the form opens. Live updates of the page do not
 * move it, so a write made against a version someone else has replaced answers 412 instead
 * of silently overwriting their change. After a 412, `rebase()` asks for the next loaded
 * version to become the base.
 */
export function useWriteBase<T extends { version: number }>(
  incident: T,
  open: boolean,
) {
  const [base, setBase] = useState(incident);
  const [rebasing, setRebasing] = useState(false);
  const latest = useRef(incident);
  latest.current = incident;

  useEffect(() => {
    if (open) {
      setBase(latest.current);
      setRebasing(false);
    }
  }, [open]);

  useEffect(() => {
    if (rebasing && incident.version !== base.version) {
      setBase(incident);
      setRebasing(false);
    }
  }, [rebasing, incident, base]);

  return { base, rebase: () => setRebasing(true) };
}
