import { useEffect, useState, type FormEvent } from 'react';
import { InfoCard } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Checkbox from '@material-ui/core/Checkbox';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import FormGroup from '@material-ui/core/FormGroup';
import FormLabel from '@material-ui/core/FormLabel';
import Grid from '@material-ui/core/Grid';
import IconButton from '@material-ui/core/IconButton';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import DeleteOutline from '@material-ui/icons/DeleteOutline';
import EditIcon from '@material-ui/icons/Edit';
import {
  CONTRIBUTING_FACTORS,
  RCA_METHODS,
  problemPatchSchema,
  type ContributingFactor,
  type Problem,
  type ProblemPatchRequest,
  type RcaEntry,
  type RcaMethod,
} from '@backstage-itsm/plugin-itsm-common';
import { useVersionedWrite } from '../../../records';
import { Markdown } from '../../shared/Markdown';
import { Unset } from '../../shared/Fact';
import { DateTimeField } from '../../shared/forms';
import { humanizeCode } from '../../shared/format';
import { WriteErrorAlert } from '../../shared/WriteErrorAlert';
import { problemKind } from '../record/problemKinds';
import {
  byFactor,
  fiveWhyRows,
  inTimeOrder,
  newRow,
  notesOf,
  rowsFor,
  type RcaRow,
} from './rcaEntries';

/** The analysis as stored, grouped the way its method reads. */
function AnalysisView(props: { problem: Problem }) {
  const { rcaMethod: method, rcaNotes: notes } = props.problem;
  if (!method) {
    return <Unset text="No analysis method chosen yet." />;
  }
  if (notes.length === 0) {
    return <Unset text={`${humanizeCode(method)}: no entries yet.`} />;
  }
  const line = (entry: RcaEntry, prefix?: string) => (
    <li key={`${entry.label}-${entry.at ?? ''}`}>
      <strong>
        {prefix}
        {entry.label}
      </strong>
      {entry.text && `: ${entry.text}`}
      {entry.parent && (
        <Typography variant="caption" color="textSecondary">
          {' '}
          (causes {entry.parent})
        </Typography>
      )}
    </li>
  );
  switch (method) {
    case 'five_whys':
      return (
        <ol aria-label="Five whys" style={{ margin: 0, paddingLeft: 20 }}>
          {fiveWhyRows(notes)
            .filter(entry => entry.text)
            .map(entry => (
              <li key={entry.label}>{entry.text}</li>
            ))}
        </ol>
      );
    case 'fishbone':
      return (
        <Box aria-label="Fishbone">
          {byFactor(notes, CONTRIBUTING_FACTORS)
            .filter(group => group.rows.length)
            .map(group => (
              <Box key={group.factor} mb={1}>
                <Typography variant="subtitle2">
                  {humanizeCode(group.factor)}
                </Typography>
                <ul style={{ margin: 0, paddingLeft: 20 }}>
                  {group.rows.map(entry => line(entry))}
                </ul>
              </Box>
            ))}
        </Box>
      );
    case 'timeline':
      return (
        <ul aria-label="Timeline" style={{ margin: 0, paddingLeft: 20 }}>
          {inTimeOrder(notes).map(entry =>
            line(
              entry,
              entry.at ? `${new Date(entry.at).toLocaleString()} · ` : '',
            ),
          )}
        </ul>
      );
    default:
      return (
        <ul aria-label="Fault tree" style={{ margin: 0, paddingLeft: 20 }}>
          {notes.map(entry => line(entry))}
        </ul>
      );
  }
}

/** The rows of one method, editable. */
function RowsEditor(props: {
  method: RcaMethod;
  rows: RcaRow[];
  onChange: (rows: RcaRow[]) => void;
}) {
  const { method, rows, onChange } = props;
  const update = (key: number, change: Partial<RcaRow>) =>
    onChange(rows.map(row => (row.key === key ? { ...row, ...change } : row)));
  const remove = (key: number) => onChange(rows.filter(row => row.key !== key));

  if (method === 'five_whys') {
    return (
      <>
        {rows.map(row => (
          <TextField
            key={row.key}
            id={`itsm-rca-${row.label.replace(' ', '-').toLowerCase()}`}
            label={row.label}
            value={row.text}
            onChange={e => update(row.key, { text: e.target.value })}
            margin="dense"
            fullWidth
          />
        ))}
      </>
    );
  }

  const row = (r: RcaRow, index: number) => (
    <Grid container spacing={1} key={r.key} alignItems="flex-end">
      {method === 'timeline' && (
        <Grid item xs={12} sm={4}>
          <DateTimeField
            id={`itsm-rca-at-${index}`}
            label="When"
            value={r.at ?? null}
            onChange={at => update(r.key, { at: at ?? undefined })}
          />
        </Grid>
      )}
      <Grid item xs={12} sm={method === 'timeline' ? 3 : 4}>
        <TextField
          id={`itsm-rca-label-${index}`}
          label={method === 'fishbone' ? 'Cause' : 'Event'}
          value={r.label}
          onChange={e => update(r.key, { label: e.target.value })}
          inputProps={{ maxLength: 200 }}
          margin="dense"
          fullWidth
        />
      </Grid>
      {method === 'fault_tree' && (
        <Grid item xs={12} sm={3}>
          <TextField
            id={`itsm-rca-parent-${index}`}
            select
            label="Causes"
            value={r.parent ?? ''}
            onChange={e =>
              update(r.key, { parent: e.target.value || undefined })
            }
            SelectProps={{ native: true }}
            InputLabelProps={{ shrink: true }}
            margin="dense"
            fullWidth
          >
            <option value="">(top event)</option>
            {rows
              .filter(other => other.key !== r.key && other.label.trim())
              .map(other => (
                <option key={other.key} value={other.label.trim()}>
                  {other.label.trim()}
                </option>
              ))}
          </TextField>
        </Grid>
      )}
      <Grid item xs={10} sm={method === 'fault_tree' ? 5 : 4}>
        <TextField
          id={`itsm-rca-text-${index}`}
          label="Detail"
          value={r.text}
          onChange={e => update(r.key, { text: e.target.value })}
          margin="dense"
          fullWidth
        />
      </Grid>
      <Grid item xs={2} sm={1}>
        <IconButton
          aria-label={`Remove ${r.label || 'entry'}`}
          size="small"
          onClick={() => remove(r.key)}
        >
          <DeleteOutline fontSize="small" />
        </IconButton>
      </Grid>
    </Grid>
  );

  if (method === 'fishbone') {
    return (
      <>
        {byFactor(rows, CONTRIBUTING_FACTORS).map(group => (
          <Box
            key={group.factor}
            mb={1}
            role="group"
            aria-label={humanizeCode(group.factor)}
          >
            <Typography variant="subtitle2">
              {humanizeCode(group.factor)}
            </Typography>
            {group.rows.map(r => row(r, rows.indexOf(r)))}
            <Button
              size="small"
              onClick={() =>
                onChange([...rows, newRow({ factor: group.factor })])
              }
            >
              Add {group.factor} cause
            </Button>
          </Box>
        ))}
      </>
    );
  }
  return (
    <>
      {rows.map((r, index) => row(r, index))}
      <Button size="small" onClick={() => onChange([...rows, newRow()])}>
        Add {method === 'timeline' ? 'instant' : 'event'}
      </Button>
    </>
  );
}

/** Only what changed in the analysis. */
export function analysisPatch(
  problem: Problem,
  values: {
    method: RcaMethod | null;
    notes: RcaEntry[];
    factors: ContributingFactor[];
    rootCause: string;
    workaround: string;
  },
): ProblemPatchRequest {
  const patch: ProblemPatchRequest = {};
  if (values.method !== problem.rcaMethod) patch.rcaMethod = values.method;
  if (JSON.stringify(values.notes) !== JSON.stringify(problem.rcaNotes)) {
    patch.rcaNotes = values.notes;
  }
  const factors = CONTRIBUTING_FACTORS.filter(f => values.factors.includes(f));
  if (
    JSON.stringify(factors) !==
    JSON.stringify(
      CONTRIBUTING_FACTORS.filter(f => problem.contributingFactors.includes(f)),
    )
  ) {
    patch.contributingFactors = factors;
  }
  const text = (value: string) => (value.trim() ? value : null);
  if (text(values.rootCause) !== (problem.rootCause ?? null)) {
    patch.rootCause = text(values.rootCause);
  }
  if (text(values.workaround) !== (problem.workaround ?? null)) {
    patch.workaround = text(values.workaround);
  }
  return patch;
}

/**
 * The root-cause analysis: the method, its entries (five whys as Why 1–5, fishbone causes
 * grouped by contributing factor, a timeline of instants, a fault tree of events under
 * their parent), the contributing factors, and root cause and workaround in Markdown.
 * "Edit analysis" edits all of it at the version it was opened at and saves what changed
 * (`PATCH` with `If-Match`).
 */
export function RcaForm(props: {
  problem: Problem;
  editable: boolean;
  onChange: (problem: Problem) => void;
  onReload: () => void;
}) {
  const { problem } = props;
  const [editing, setEditing] = useState(false);
  const write = useVersionedWrite(problemKind, {
    record: problem,
    open: editing,
    onClose: () => setEditing(false),
    onDone: next => {
      setEditing(false);
      props.onChange(next);
    },
    onReload: props.onReload,
  });
  const base = write.base;
  const [method, setMethod] = useState<RcaMethod | null>(base.rcaMethod);
  const [rows, setRows] = useState<RcaRow[]>([]);
  const [factors, setFactors] = useState<ContributingFactor[]>([]);
  const [rootCause, setRootCause] = useState('');
  const [workaround, setWorkaround] = useState('');
  const [invalid, setInvalid] = useState<string>();

  // The form starts from the version it edits (when opened, and after a 412 reload).
  useEffect(() => {
    if (!editing) return;
    setMethod(base.rcaMethod);
    setRows(rowsFor(base.rcaMethod, base.rcaNotes));
    setFactors(base.contributingFactors);
    setRootCause(base.rootCause ?? '');
    setWorkaround(base.workaround ?? '');
    setInvalid(undefined);
  }, [editing, base]);

  const chooseMethod = (next: RcaMethod | null) => {
    // Entries carry over, except into and out of the five fixed whys.
    const kept = notesOf(method, rows);
    setRows(
      rowsFor(next, next === 'five_whys' || method === 'five_whys' ? [] : kept),
    );
    setMethod(next);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const patch = analysisPatch(base, {
      method,
      notes: notesOf(method, rows),
      factors,
      rootCause,
      workaround,
    });
    const parsed = problemPatchSchema.safeParse(patch);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      setInvalid(`${issue.path.join('.')}: ${issue.message}`);
      return;
    }
    setInvalid(undefined);
    if (Object.keys(patch).length === 0) {
      write.close();
      return;
    }
    await write.patch(patch);
  };

  const action =
    props.editable && !editing ? (
      <Box mt={1} mr={1}>
        <Button
          variant="outlined"
          startIcon={<EditIcon />}
          onClick={() => setEditing(true)}
        >
          Edit analysis
        </Button>
      </Box>
    ) : undefined;

  if (!editing) {
    return (
      <InfoCard title="Root-cause analysis" action={action}>
        <Typography variant="subtitle2" gutterBottom>
          {problem.rcaMethod ? humanizeCode(problem.rcaMethod) : 'Method'}
        </Typography>
        <AnalysisView problem={problem} />
        <Box mt={2}>
          <Typography variant="subtitle2">Contributing factors</Typography>
          {problem.contributingFactors.length ? (
            <Typography variant="body2">
              {problem.contributingFactors.map(humanizeCode).join(', ')}
            </Typography>
          ) : (
            <Unset text="None recorded" />
          )}
        </Box>
        <Box mt={2} aria-label="Root cause" role="region">
          <Typography variant="subtitle2">Root cause</Typography>
          {problem.rootCause ? (
            <Markdown content={problem.rootCause} />
          ) : (
            <Unset text="Not found yet" />
          )}
        </Box>
        <Box mt={2} aria-label="Workaround" role="region">
          <Typography variant="subtitle2">Workaround</Typography>
          {problem.workaround ? (
            <Markdown content={problem.workaround} />
          ) : (
            <Unset text="None yet" />
          )}
        </Box>
      </InfoCard>
    );
  }

  return (
    <InfoCard title="Root-cause analysis">
      <form onSubmit={submit} noValidate aria-label="Root-cause analysis">
        <TextField
          id="itsm-rca-method"
          select
          label="Method"
          value={method ?? ''}
          onChange={e =>
            chooseMethod((e.target.value || null) as RcaMethod | null)
          }
          SelectProps={{ native: true }}
          InputLabelProps={{ shrink: true }}
          margin="dense"
          fullWidth
        >
          <option value="">None</option>
          {RCA_METHODS.map(m => (
            <option key={m} value={m}>
              {humanizeCode(m)}
            </option>
          ))}
        </TextField>
        {method && (
          <Box mt={1}>
            <RowsEditor method={method} rows={rows} onChange={setRows} />
          </Box>
        )}
        <Box mt={2}>
          <FormLabel component="legend">Contributing factors</FormLabel>
          <FormGroup row>
            {CONTRIBUTING_FACTORS.map(factor => (
              <FormControlLabel
                key={factor}
                control={
                  <Checkbox
                    color="primary"
                    checked={factors.includes(factor)}
                    onChange={e =>
                      setFactors(
                        e.target.checked
                          ? [...factors, factor]
                          : factors.filter(f => f !== factor),
                      )
                    }
                  />
                }
                label={humanizeCode(factor)}
              />
            ))}
          </FormGroup>
        </Box>
        <TextField
          id="itsm-rca-root-cause"
          label="Root cause"
          multiline
          minRows={3}
          value={rootCause}
          onChange={e => setRootCause(e.target.value)}
          helperText="Markdown"
          margin="dense"
          fullWidth
        />
        <TextField
          id="itsm-rca-workaround"
          label="Workaround"
          multiline
          minRows={3}
          value={workaround}
          onChange={e => setWorkaround(e.target.value)}
          helperText="Markdown: what restores service until the fix"
          margin="dense"
          fullWidth
        />
        {invalid && (
          <Typography color="error" variant="body2" role="alert">
            {invalid}
          </Typography>
        )}
        <WriteErrorAlert
          error={write.error}
          recordName="problem"
          onReload={write.reload}
        />
        <Box display="flex" justifyContent="flex-end" mt={2} style={{ gap: 8 }}>
          <Button onClick={write.close}>Cancel</Button>
          <Button
            type="submit"
            variant="contained"
            color="primary"
            disabled={write.busy}
          >
            Save analysis
          </Button>
        </Box>
      </form>
    </InfoCard>
  );
}
