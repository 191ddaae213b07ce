export { ChangeApprovals } from './ChangeApprovals';
export { DecisionForm } from './DecisionForm';
export { RequiredApprovalsList } from './RequiredApprovalsList';
export { describeOutstanding, describeRequirement } from './requirements';
