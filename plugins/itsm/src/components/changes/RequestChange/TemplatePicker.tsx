import { useApi } from '@backstage/core-plugin-api';
import TextField from '@material-ui/core/TextField';
import useAsync from 'react-use/esm/useAsync';
import type { ChangeTemplate } from '@backstage-itsm/plugin-itsm-common';
import { itsmApiRef } from '../../../api';

/**
 * The active standard change templates usable on `entityRef` (those listing it, or any
 * entity), as a select; picking one hands the whole template to `onPick`.
 */
export function TemplatePicker(props: {
  entityRef: string | undefined;
  value: string;
  onPick: (template: ChangeTemplate | undefined) => void;
  error?: string;
}) {
  const itsmApi = useApi(itsmApiRef);
  const {
    value: templates,
    loading,
    error,
  } = useAsync(
    async () =>
      (
        await itsmApi.listChangeTemplates({
          entityRef: props.entityRef,
          active: true,
          limit: 200,
        })
      ).items,
    [itsmApi, props.entityRef],
  );
  let helper = props.error ?? 'Pre-approved recipes for this entity';
  if (error) helper = `Could not load templates: ${error.message}`;
  else if (!loading && templates?.length === 0)
    helper = 'No standard change template applies to this entity';
  return (
    <TextField
      id="itsm-change-template"
      select
      required
      label="Standard change template"
      value={props.value}
      onChange={e =>
        props.onPick(templates?.find(t => t.id === e.target.value))
      }
      error={Boolean(props.error || error)}
      helperText={helper}
      SelectProps={{ native: true }}
      InputLabelProps={{ shrink: true }}
      margin="dense"
      fullWidth
    >
      <option value="">{loading ? 'Loading…' : 'Choose…'}</option>
      {templates?.map(t => (
        <option key={t.id} value={t.id}>
          {t.id} — {t.title} (v{t.version})
        </option>
      ))}
    </TextField>
  );
}
