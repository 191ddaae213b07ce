import { useEffect, useRef, useState } from 'react';
import type { Incident } from '@backstage-itsm/plugin-itsm-common';

/**
 * The incident a form edits, fixed when the form opens. Live updates of the page do not
 * move it, so a write made against a version someone else has replaced answers 412 instead
 * of silently overwriting their change. After a 412, `rebase()` asks for the next loaded
 * version to become the base.
 */
export function useWriteBase(incident: Incident, open: boolean) {
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
