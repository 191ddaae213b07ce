import { useState } from 'react';
import Button from '@material-ui/core/Button';
import IconButton from '@material-ui/core/IconButton';
import AddIcon from '@material-ui/icons/Add';
import CloseIcon from '@material-ui/icons/Close';
import Alert from '@material-ui/lab/Alert';
import type { Change } from '@backstage-itsm/plugin-itsm-common';
import { formatChangeStatus } from '../../shared/format';
import { RequestChangeDialog } from './RequestChangeDialog';
import { useOpenChange } from './useOpenChange';

/**
 * "Request a change" for an entity: opens the form with the entity prefilled, then opens
 * the new change's page (or, without the ITSM page, says what was created).
 */
export function RequestChangeButton(props: {
  entityRef: string;
  onCreated?: (change: Change) => void;
}) {
  const [open, setOpen] = useState(false);
  const [created, setCreated] = useState<Change>();
  const openChange = useOpenChange();
  return (
    <>
      <Button
        variant="contained"
        color="primary"
        startIcon={<AddIcon />}
        onClick={() => setOpen(true)}
      >
        Request a change
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
          {created.id} ({formatChangeStatus(created.status)}): {created.title}
        </Alert>
      )}
      <RequestChangeDialog
        open={open}
        entityRef={props.entityRef}
        onClose={() => setOpen(false)}
        onDone={change => {
          setOpen(false);
          props.onCreated?.(change);
          if (openChange) openChange(change);
          else setCreated(change);
        }}
      />
    </>
  );
}
