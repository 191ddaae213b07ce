import { useState } from 'react';
import Button from '@material-ui/core/Button';
import IconButton from '@material-ui/core/IconButton';
import CloseIcon from '@material-ui/icons/Close';
import AddAlertIcon from '@material-ui/icons/AddAlert';
import Alert from '@material-ui/lab/Alert';
import type {
  Incident,
  KnownErrorMatch,
} from '@backstage-itsm/plugin-itsm-common';
import { Markdown } from '../../shared/Markdown';
import { IncidentLink } from '../IncidentLink';
import { ReportIncidentDialog } from './ReportIncidentDialog';

/**
 * "Report incident" for a service: opens the dialog and, once the incident is raised,
 * says so with a link to its page.
 */
export function ReportIncidentButton(props: {
  entityRef: string;
  onCreated?: (incident: Incident) => void;
}) {
  const [open, setOpen] = useState(false);
  const [created, setCreated] = useState<Incident>();
  const [applied, setApplied] = useState<KnownErrorMatch>();
  return (
    <>
      <Button
        variant="contained"
        color="primary"
        startIcon={<AddAlertIcon />}
        onClick={() => setOpen(true)}
      >
        Report incident
      </Button>
      {created && (
        <Alert
          severity="success"
          role="status"
          style={{ marginTop: 8 }}
          action={
            <IconButton
              aria-label="Dismiss"
              size="small"
              color="inherit"
              onClick={() => setCreated(undefined)}
            >
              <CloseIcon fontSize="small" />
            </IconButton>
          }
        >
          Reported <IncidentLink id={created.id} />: {created.title}
          {applied && (
            <div aria-label="Workaround to apply">
              <strong>
                Workaround of {applied.knownError.id}:{' '}
                {applied.knownError.title}
              </strong>
              <Markdown content={applied.knownError.workaround} />
            </div>
          )}
        </Alert>
      )}
      <ReportIncidentDialog
        open={open}
        entityRef={props.entityRef}
        onClose={() => setOpen(false)}
        onCreated={(incident, appliedMatch) => {
          setOpen(false);
          setCreated(incident);
          setApplied(appliedMatch);
          props.onCreated?.(incident);
        }}
      />
    </>
  );
}
