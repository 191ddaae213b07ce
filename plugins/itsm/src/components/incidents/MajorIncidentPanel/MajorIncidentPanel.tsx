import type { ReactNode } from 'react';
import { InfoCard } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Divider from '@material-ui/core/Divider';
import Typography from '@material-ui/core/Typography';
import {
  FINAL_INCIDENT_STATUSES,
  OPEN_INCIDENT_STATUSES,
  type HistoryEvent,
  type Incident,
} from '@backstage-itsm/plugin-itsm-common';
import { itsmApiRef } from '../../../api';
import { RecordHistory } from '../../../records';
import { incidentKind } from '../record/incidentKind';
import { NoteForm } from '../WorkNotes';
import { PostIncidentReviewForm } from './PostIncidentReviewForm';
import { ResponseForm } from './ResponseForm';

/** The history events that make up a major incident's communication timeline. */
export function statusUpdatesOf(history: HistoryEvent[]): HistoryEvent[] {
  return history.filter(event => event.action === 'status_update');
}

function Section(props: { title: string; children: ReactNode }) {
  return (
    <Box component="section" mt={2}>
      <Typography variant="h6" component="h3" gutterBottom>
        {props.title}
      </Typography>
      {props.children}
    </Box>
  );
}

/**
 * Running a major incident: its manager and outage window, the status updates timeline
 * with "Post update", and the post-incident review that must exist before it closes.
 */
export function MajorIncidentPanel(props: {
  incident: Incident;
  history: HistoryEvent[] | undefined;
  onChange: (incident: Incident) => void;
  onReload: () => void;
  onHistoryChanged: () => void;
}) {
  const { incident, onChange, onReload, onHistoryChanged } = props;
  const itsmApi = useApi(itsmApiRef);
  const final = FINAL_INCIDENT_STATUSES.includes(incident.status);
  // The server takes status updates while the major incident is open only.
  const open = OPEN_INCIDENT_STATUSES.includes(incident.status);
  const updates = statusUpdatesOf(props.history ?? []);

  return (
    <InfoCard title="Major incident">
      <ResponseForm
        incident={incident}
        disabled={final}
        onChange={onChange}
        onReload={onReload}
      />
      <Divider />
      <Section title="Status updates">
        <RecordHistory
          kind={incidentKind}
          events={updates}
          label="Status updates"
          emptyText="No status update posted yet."
        />
        {open && (
          <NoteForm
            id="itsm-status-update"
            label="Status update"
            submitLabel="Post update"
            helperText="Shared with everyone following the incident; Markdown"
            onSubmit={async text => {
              await itsmApi.addStatusUpdate({ id: incident.id, text });
              onHistoryChanged();
            }}
          />
        )}
      </Section>
      <Divider />
      <Section title="Post-incident review">
        <PostIncidentReviewForm
          key={`${incident.id}-${
            incident.postIncidentReview ? 'set' : 'unset'
          }`}
          incident={incident}
          disabled={final}
          onChange={onChange}
          onReload={onReload}
        />
      </Section>
    </InfoCard>
  );
}
