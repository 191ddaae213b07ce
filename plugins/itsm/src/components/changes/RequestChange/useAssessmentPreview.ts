import { useState } from 'react';
import { useApi } from '@backstage/core-plugin-api';
import useAsync from 'react-use/esm/useAsync';
import useDebounce from 'react-use/esm/useDebounce';
import { itsmApiRef, type ChangeAssessmentRequest } from '../../../api';

/** Typing pauses this long before the preview asks the server again. */
export const PREVIEW_DEBOUNCE_MS = 400;

/**
 * The server's assessment (`POST /change-assessments`, which writes nothing) of what the
 * form holds, asked again a moment after the input settles; nothing while `request` is
 * undefined.
 */
export function useAssessmentPreview(
  request: ChangeAssessmentRequest | undefined,
) {
  const itsmApi = useApi(itsmApiRef);
  const key = request ? JSON.stringify(request) : '';
  const [settled, setSettled] = useState(key);
  useDebounce(() => setSettled(key), PREVIEW_DEBOUNCE_MS, [key]);
  const state = useAsync(
    async () =>
      settled
        ? itsmApi.assessChange(JSON.parse(settled) as ChangeAssessmentRequest)
        : undefined,
    [itsmApi, settled],
  );
  return {
    assessment: state.value,
    loading: state.loading || key !== settled,
    error: state.error,
  };
}
