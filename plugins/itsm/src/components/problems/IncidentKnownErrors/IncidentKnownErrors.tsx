import { useState } from 'react';
import { InfoCard } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import type {
  Incident,
  KnownErrorMatch,
} from '@backstage-itsm/plugin-itsm-common';
import { itsmApiRef } from '../../../api';
import { TransitionDialog } from '../../incidents/IncidentActions';
import { WriteErrorAlert } from '../../shared/WriteErrorAlert';
import { KnownErrorSuggestions } from '../KnownErrorSuggestions';

/**
 * The known errors that match an open incident, with their workarounds. "Apply workaround"
 * records the use (which links the incident to the known error) and opens the resolve
 * move with resolution code `workaround` and the workaround as the notes.
 */
export function IncidentKnownErrors(props: {
  incident: Incident;
  onChange: (incident: Incident) => void;
  onReload: () => void;
}) {
  const { incident } = props;
  const itsmApi = useApi(itsmApiRef);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [resolving, setResolving] = useState<KnownErrorMatch>();
  const [matched, setMatched] = useState(0);

  const apply = async (match: KnownErrorMatch) => {
    setBusy(true);
    setError(undefined);
    try {
      await itsmApi.recordKnownErrorUse({
        id: match.knownError.id,
        incidentId: incident.id,
        kind: 'applied',
      });
      setResolving(match);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  // Nothing matches: no empty card on the page (kept mounted, so the matches stay asked).
  const visible = Boolean(matched || error || resolving);
  return (
    <Box display={visible ? 'block' : 'none'} mb={3}>
      <InfoCard title="Known errors">
        <WriteErrorAlert error={error} />
        <KnownErrorSuggestions
          entityRef={incident.entityRef}
          text={`${incident.title}\n${incident.description}`}
          category={incident.category}
          signature={incident.signature}
          busy={busy}
          onApply={apply}
          onMatches={matches => setMatched(matches.length)}
        />
      </InfoCard>
      {resolving && (
        <TransitionDialog
          record={incident}
          to="resolved"
          open
          initialValues={{
            resolutionCode: 'workaround',
            resolutionNotes: `Workaround of ${resolving.knownError.id}:\n\n${resolving.knownError.workaround}`,
          }}
          onClose={() => setResolving(undefined)}
          onDone={next => {
            setResolving(undefined);
            props.onChange(next);
          }}
          onReload={props.onReload}
        />
      )}
    </Box>
  );
}
