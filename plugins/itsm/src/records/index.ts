// The record kit: what every practice's pages compose (DESIGN §2). Nothing here imports
// a practice; practices describe their records with a `RecordKind`.
export {
  defineRecordKind,
  recordMethods,
  type RecordKind,
  type RecordMethods,
  type VersionedRecord,
  type WriteTarget,
} from './RecordKind';
export {
  describeEvents,
  pairOf,
  type ChangeLine,
  type EventDescriber,
  type HistoryLabels,
  type HistoryTone,
} from './history/describeEvent';
export {
  Actor,
  HistoryEventItem,
  LiveRecordHistory,
  RecordHistory,
} from './history/RecordHistory';
export { useRecord, type LiveRecord } from './useRecord';
export {
  useVersionedWrite,
  type RecordDialogProps,
  type VersionedWrite,
} from './useVersionedWrite';
export { errorMapResolver, type FieldMessages } from './errorMapResolver';
export {
  RecordFormDialog,
  type RecordFormDialogProps,
} from './RecordFormDialog';
export {
  RecordEditDialog,
  type RecordEditDialogProps,
} from './RecordEditDialog';
export {
  RecordTransitionDialog,
  type RecordTransitionDialogProps,
} from './RecordTransitionDialog';
export {
  RecordActions,
  type OfferedMove,
  type RecordActionsProps,
} from './RecordActions';
export { RecordPage } from './RecordPage';
export { Instant, RecordHeader, type RecordHeaderProps } from './RecordHeader';
export {
  LoadMoreButton,
  RecordListPage,
  type PagedListState,
} from './RecordListPage';
export { RecordLinks, describeLink } from './links/RecordLinks';
