import { useApi } from '@backstage/core-plugin-api';
import { itsmApiRef } from '../../../api';
import { NoteForm } from './NoteForm';

/** Adds an internal work note to the incident's history (no version needed). */
export function WorkNoteForm(props: {
  incidentId: string;
  onAdded: () => void;
}) {
  const itsmApi = useApi(itsmApiRef);
  return (
    <NoteForm
      id="itsm-work-note"
      label="Work note"
      submitLabel="Add work note"
      helperText="Internal, for the people working on it; Markdown"
      onSubmit={async text => {
        await itsmApi.addWorkNote({ id: props.incidentId, text });
        props.onAdded();
      }}
    />
  );
}
