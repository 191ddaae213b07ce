export {
  RaiseImprovementButton,
  raiseImprovementQuery,
  useRaiseImprovementLink,
  type RaiseImprovementParams,
} from './RaiseImprovementButton';
