import { useApi } from '@backstage/core-plugin-api';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import {
  parseRecordId,
  type RecordLink,
} from '@backstage-itsm/plugin-itsm-common';
import { itsmApiRef } from '../../../api';
import { describeLink } from '../../../records';

/** The other record of a link, seen from the problem. */
const otherOf = (link: RecordLink) => describeLink(link).other;

/** Known errors related to the problem (`KE relates_to PRB`, either way), once each. */
export function knownErrorIdsOf(links: readonly RecordLink[]): string[] {
  return [
    ...new Set(
      links
        .filter(link => link.relation === 'relates_to')
        .map(otherOf)
        .filter(id => parseRecordId(id)?.prefix === 'KE'),
    ),
  ];
}

/** Changes that fix the problem: a `fixes` link between it and a change, either way. */
export function fixChangeIdsOf(links: readonly RecordLink[]): string[] {
  return [
    ...new Set(
      links
        .filter(link => link.relation === 'fixes')
        .map(otherOf)
        .filter(id => parseRecordId(id)?.prefix === 'CHG'),
    ),
  ];
}

/** The problem's links (the first 200), read again when its version moves. */
export function useProblemLinks(problemId: string, version: number) {
  const itsmApi = useApi(itsmApiRef);
  return useAsyncRetry(
    async () =>
      (
        await itsmApi.listLinks({
          collection: 'problems',
          id: problemId,
          limit: 200,
        })
      ).items,
    [itsmApi, problemId, version],
  );
}
