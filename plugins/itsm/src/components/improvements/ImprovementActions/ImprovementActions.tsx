import type {
  Improvement,
  ImprovementStatus,
} from '@backstage-itsm/plugin-itsm-common';
import { RecordActions } from '../../../records';
import { isImprovementEditable } from '../ImprovementForm/improvementForm';
import { improvementKind } from '../record/improvementKind';
import { EditImprovementDialog } from './EditImprovementDialog';
import { ImprovementTransitionDialog } from './ImprovementTransitionDialog';
import { offeredImprovementTransitions } from './improvementTransitions';

const QUIET_MOVES: readonly ImprovementStatus[] = ['rejected'];

/**
 * One button per move the lifecycle allows from the item's status (`improvement-transition-
 * <status>`; a rejection in the quieter outline, a blocked move disabled with why), and
 * "Edit" until it is closed or rejected. Each opens its dialog; what the server answers
 * becomes the page's item.
 */
export function ImprovementActions(props: {
  item: Improvement;
  onChange: (item: Improvement) => void;
  onReload: () => void;
}) {
  const { item } = props;
  return (
    <RecordActions
      kind={improvementKind}
      record={item}
      moves={offeredImprovementTransitions(item)}
      editable={isImprovementEditable(item)}
      onChange={props.onChange}
      onReload={props.onReload}
      TransitionDialog={ImprovementTransitionDialog}
      EditDialog={EditImprovementDialog}
      quietMoves={QUIET_MOVES}
      testIdPrefix="improvement-transition"
    />
  );
}
