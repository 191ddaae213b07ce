import type { ImprovementSource } from '@backstage-itsm/plugin-itsm-common';
import { RecordIdLink } from '../../RecordIdLink';
import { formatImprovementSource } from '../record/improvementKind';

/**
 * A source record's id, linked to its page where the plugin has one: `REV-3/A-1` links the
 * review, `SUR-2/…` reads as it is.
 */
export function SourceRecordLink(props: { sourceId: string }) {
  const { sourceId } = props;
  const slash = sourceId.indexOf('/');
  if (slash < 0) return <RecordIdLink id={sourceId} />;
  return (
    <>
      <RecordIdLink id={sourceId.slice(0, slash)} />
      {sourceId.slice(slash)}
    </>
  );
}

/** `SLA breach BRE-3`, the record linked; `Audit finding` alone. */
export function ImprovementSourceLink(props: {
  source: ImprovementSource;
  sourceId: string | null;
}) {
  return (
    <>
      {formatImprovementSource(props.source)}
      {props.sourceId && (
        <>
          {' '}
          <SourceRecordLink sourceId={props.sourceId} />
        </>
      )}
    </>
  );
}
