import type { Change } from '@backstage-itsm/plugin-itsm-common';
import { RecordActions } from '../../../records';
import { changeKind } from '../record/changeKind';
import { ChangeTransitionDialog } from './ChangeTransitionDialog';
import {
  EDITABLE_CHANGE_STATUSES,
  offeredChangeTransitions,
} from './changeTransitions';
import { EditChangeDialog } from './EditChangeDialog';

/**
 * The moves the lifecycle allows from the change's status, one button each, and "Edit"
 * while the plan may change. What the server answers becomes the page's change.
 */
export function ChangeActions(props: {
  change: Change;
  onChange: (change: Change) => void;
  onReload: () => void;
}) {
  const { change } = props;
  return (
    <RecordActions
      kind={changeKind}
      record={change}
      moves={offeredChangeTransitions(change)}
      editable={EDITABLE_CHANGE_STATUSES.includes(change.status)}
      onChange={props.onChange}
      onReload={props.onReload}
      TransitionDialog={ChangeTransitionDialog}
      EditDialog={EditChangeDialog}
    />
  );
}
