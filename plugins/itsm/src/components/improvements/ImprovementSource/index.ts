export {
  ImprovementSourceLink,
  SourceRecordLink,
} from './ImprovementSourceLink';
