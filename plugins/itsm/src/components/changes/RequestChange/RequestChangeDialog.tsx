import Dialog from '@material-ui/core/Dialog';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import type { Change } from '@backstage-itsm/plugin-itsm-common';
import { RequestChangeForm } from './RequestChangeForm';

/** "Request a change" in a dialog, with the entity it was opened from prefilled. */
export function RequestChangeDialog(props: {
  open: boolean;
  entityRef: string;
  onClose: () => void;
  onDone: (change: Change) => void;
}) {
  return (
    <Dialog
      open={props.open}
      onClose={props.onClose}
      fullWidth
      maxWidth="lg"
      aria-labelledby="itsm-request-change-title"
    >
      <DialogTitle id="itsm-request-change-title">Request a change</DialogTitle>
      <DialogContent>
        {props.open && (
          <RequestChangeForm
            entityRefs={[props.entityRef]}
            onDone={props.onDone}
            onCancel={props.onClose}
          />
        )}
      </DialogContent>
    </Dialog>
  );
}
