import {
  FINAL_INCIDENT_STATUSES,
  type Incident,
} from '@backstage-itsm/plugin-itsm-common';
import { RecordActions } from '../../../records';
import { incidentKind } from '../record/incidentKind';
import { EditIncidentDialog } from './EditIncidentDialog';
import { TransitionDialog } from './TransitionDialog';
import { offeredTransitions } from './transitions';

/**
 * The moves the lifecycle allows from the incident's status, one button each, and
 * "Edit" until it is final. What the server answers becomes the page's incident.
 */
export function IncidentActions(props: {
  incident: Incident;
  onChange: (incident: Incident) => void;
  onReload: () => void;
}) {
  const { incident } = props;
  return (
    <RecordActions
      kind={incidentKind}
      record={incident}
      moves={offeredTransitions(incident)}
      editable={!FINAL_INCIDENT_STATUSES.includes(incident.status)}
      onChange={props.onChange}
      onReload={props.onReload}
      TransitionDialog={TransitionDialog}
      EditDialog={EditIncidentDialog}
    />
  );
}
