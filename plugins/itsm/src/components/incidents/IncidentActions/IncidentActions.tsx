import { useState } from 'react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Tooltip from '@material-ui/core/Tooltip';
import EditIcon from '@material-ui/icons/Edit';
import {
  FINAL_INCIDENT_STATUSES,
  type Incident,
  type IncidentStatus,
} from '@backstage-itsm/plugin-itsm-common';
import { EditIncidentDialog } from './EditIncidentDialog';
import { TransitionDialog } from './TransitionDialog';
import { offeredTransitions } from './transitions';

/**
 * The moves the lifecycle allows from the incident's status, one button each, and
 * "Edit". Each opens a dialog; what the server answers becomes the page's incident.
 */
export function IncidentActions(props: {
  incident: Incident;
  onChange: (incident: Incident) => void;
  onReload: () => void;
}) {
  const { incident, onChange, onReload } = props;
  const [moving, setMoving] = useState<IncidentStatus>();
  const [editing, setEditing] = useState(false);
  const final = FINAL_INCIDENT_STATUSES.includes(incident.status);

  return (
    <Box
      display="flex"
      flexWrap="wrap"
      style={{ gap: 8 }}
      role="toolbar"
      aria-label="Incident actions"
    >
      {offeredTransitions(incident).map(t => {
        const button = (
          <Button
            key={t.to}
            variant={t.to === 'cancelled' ? 'outlined' : 'contained'}
            color={t.to === 'cancelled' ? 'default' : 'primary'}
            disabled={Boolean(t.blockedBecause)}
            onClick={() => setMoving(t.to)}
          >
            {t.label}
          </Button>
        );
        return t.blockedBecause ? (
          <Tooltip key={t.to} title={t.blockedBecause}>
            <span>{button}</span>
          </Tooltip>
        ) : (
          button
        );
      })}
      {!final && (
        <Button
          variant="outlined"
          startIcon={<EditIcon />}
          onClick={() => setEditing(true)}
        >
          Edit
        </Button>
      )}
      {moving && (
        <TransitionDialog
          key={moving}
          incident={incident}
          to={moving}
          open
          onClose={() => setMoving(undefined)}
          onDone={next => {
            setMoving(undefined);
            onChange(next);
          }}
          onReload={onReload}
        />
      )}
      <EditIncidentDialog
        incident={incident}
        open={editing}
        onClose={() => setEditing(false)}
        onDone={next => {
          setEditing(false);
          onChange(next);
        }}
        onReload={onReload}
      />
    </Box>
  );
}
