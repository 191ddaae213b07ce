import type { Problem } from '@backstage-itsm/plugin-itsm-common';
import { RecordActions } from '../../../records';
import { problemKind } from '../record/problemKinds';
import { EditProblemDialog } from './EditProblemDialog';
import { ProblemTransitionDialog } from './ProblemTransitionDialog';
import {
  isProblemEditable,
  offeredProblemTransitions,
} from './problemTransitions';

/**
 * The moves the lifecycle allows from the problem's status, one button each, and "Edit"
 * until it is closed or cancelled. What the server answers becomes the page's problem.
 */
export function ProblemActions(props: {
  problem: Problem;
  onChange: (problem: Problem) => void;
  onReload: () => void;
}) {
  const { problem } = props;
  return (
    <RecordActions
      kind={problemKind}
      record={problem}
      moves={offeredProblemTransitions(problem)}
      editable={isProblemEditable(problem)}
      onChange={props.onChange}
      onReload={props.onReload}
      TransitionDialog={ProblemTransitionDialog}
      EditDialog={EditProblemDialog}
    />
  );
}
