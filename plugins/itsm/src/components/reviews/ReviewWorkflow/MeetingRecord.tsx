import { useEffect, useState, type FormEvent } from 'react';
import { InfoCard } from '@backstage/core-components';
import { EntityRefLinks } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import IconButton from '@material-ui/core/IconButton';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import DeleteOutline from '@material-ui/icons/DeleteOutline';
import EditIcon from '@material-ui/icons/Edit';
import {
  reviewPatchSchema,
  type ServiceReview,
} from '@backstage-itsm/plugin-itsm-common';
import { useVersionedWrite } from '../../../records';
import { EntityRefsPicker } from '../../shared/EntityRefPicker';
import { Unset } from '../../shared/Fact';
import { Markdown } from '../../shared/Markdown';
import { WriteErrorAlert } from '../../shared/WriteErrorAlert';
import { reviewKind } from '../record/reviewKind';
import {
  meetingPatch,
  meetingValuesOf,
  type MeetingValues,
} from './meetingRecord';

function Heading(props: { children: string }) {
  return (
    <Typography variant="subtitle2" component="h3" gutterBottom>
      {props.children}
    </Typography>
  );
}

/** The meeting as recorded: attendees, the agenda with its notes, minutes and decisions. */
function MeetingView(props: { review: ServiceReview }) {
  const { review } = props;
  return (
    <>
      <Box role="region" aria-label="Attendees" mb={2}>
        <Heading>Attendees</Heading>
        {review.attendees.length ? (
          <EntityRefLinks entityRefs={review.attendees} hideIcons />
        ) : (
          <Unset text="Nobody recorded yet" />
        )}
      </Box>
      <Box role="region" aria-label="Agenda" mb={2}>
        <Heading>Agenda</Heading>
        {review.agenda.length ? (
          <ol style={{ margin: 0, paddingLeft: 20 }}>
            {review.agenda.map((item, index) => (
              <li key={`${index}-${item.title}`}>
                <Typography variant="body2">{item.title}</Typography>
                {item.notes?.trim() && <Markdown content={item.notes} />}
              </li>
            ))}
          </ol>
        ) : (
          <Unset text="No agenda" />
        )}
      </Box>
      <Box role="region" aria-label="Minutes" mb={2}>
        <Heading>Minutes</Heading>
        {review.minutes.trim() ? (
          <Markdown content={review.minutes} />
        ) : (
          <Unset text="No minutes yet" />
        )}
      </Box>
      <Box role="region" aria-label="Decisions">
        <Heading>Decisions</Heading>
        {review.decisions.length ? (
          <ol style={{ margin: 0, paddingLeft: 20 }}>
            {review.decisions.map((decision, index) => (
              <li key={`${index}-${decision.text}`}>
                <Typography variant="body2">{decision.text}</Typography>
              </li>
            ))}
          </ol>
        ) : (
          <Unset text="No decisions recorded" />
        )}
      </Box>
    </>
  );
}

/** The agenda items, editable: title and notes each, removable, and "Add agenda item". */
function AgendaEditor(props: {
  agenda: MeetingValues['agenda'];
  onChange: (agenda: MeetingValues['agenda']) => void;
}) {
  const { agenda, onChange } = props;
  const update = (index: number, change: { title?: string; notes?: string }) =>
    onChange(
      agenda.map((item, i) => (i === index ? { ...item, ...change } : item)),
    );
  return (
    <Box role="group" aria-label="Agenda" mt={2}>
      <Heading>Agenda</Heading>
      {agenda.map((item, index) => (
        <Box
          key={index}
          display="flex"
          alignItems="flex-start"
          style={{ gap: 8 }}
        >
          <Box flex={1}>
            <TextField
              id={`itsm-review-agenda-title-${index}`}
              label={`Item ${index + 1}`}
              value={item.title}
              onChange={e => update(index, { title: e.target.value })}
              inputProps={{ maxLength: 200 }}
              margin="dense"
              fullWidth
            />
            <TextField
              id={`itsm-review-agenda-notes-${index}`}
              label={`Notes on item ${index + 1}`}
              value={item.notes ?? ''}
              onChange={e => update(index, { notes: e.target.value })}
              helperText="Markdown"
              multiline
              margin="dense"
              fullWidth
            />
          </Box>
          <IconButton
            aria-label={`Remove agenda item ${index + 1}`}
            size="small"
            onClick={() => onChange(agenda.filter((_, i) => i !== index))}
          >
            <DeleteOutline fontSize="small" />
          </IconButton>
        </Box>
      ))}
      <Button size="small" onClick={() => onChange([...agenda, { title: '' }])}>
        Add agenda item
      </Button>
    </Box>
  );
}

/** The decisions, one field each, removable, and "Add decision". */
function DecisionsEditor(props: {
  decisions: string[];
  onChange: (decisions: string[]) => void;
}) {
  const { decisions, onChange } = props;
  return (
    <Box role="group" aria-label="Decisions" mt={2}>
      <Heading>Decisions</Heading>
      {decisions.map((text, index) => (
        <Box key={index} display="flex" alignItems="center" style={{ gap: 8 }}>
          <TextField
            id={`itsm-review-decision-${index}`}
            label={`Decision ${index + 1}`}
            value={text}
            onChange={e =>
              onChange(
                decisions.map((d, i) => (i === index ? e.target.value : d)),
              )
            }
            inputProps={{ maxLength: 2000 }}
            margin="dense"
            fullWidth
          />
          <IconButton
            aria-label={`Remove decision ${index + 1}`}
            size="small"
            onClick={() => onChange(decisions.filter((_, i) => i !== index))}
          >
            <DeleteOutline fontSize="small" />
          </IconButton>
        </Box>
      ))}
      <Button size="small" onClick={() => onChange([...decisions, ''])}>
        Add decision
      </Button>
    </Box>
  );
}

/**
 * The meeting record of a review: attendees, the agenda with notes per item, the minutes
 * (Markdown) and the decisions. "Edit minutes" edits all of it at the version it was opened
 * at and saves what changed (`PATCH` with `If-Match`; a 412 offers to reload).
 */
export function MeetingRecord(props: {
  review: ServiceReview;
  editable: boolean;
  onChange: (review: ServiceReview) => void;
  onReload: () => void;
}) {
  const { review } = props;
  const [editing, setEditing] = useState(false);
  const write = useVersionedWrite(reviewKind, {
    record: review,
    open: editing,
    onClose: () => setEditing(false),
    onDone: next => {
      setEditing(false);
      props.onChange(next);
    },
    onReload: props.onReload,
  });
  const base = write.base;
  const [values, setValues] = useState<MeetingValues>(() =>
    meetingValuesOf(base),
  );
  const [invalid, setInvalid] = useState<string>();

  // The form starts from the version it edits (when opened, and after a 412 reload).
  useEffect(() => {
    if (!editing) return;
    setValues(meetingValuesOf(base));
    setInvalid(undefined);
  }, [editing, base]);

  const set = (change: Partial<MeetingValues>) =>
    setValues(current => ({ ...current, ...change }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const patch = meetingPatch(base, values);
    const parsed = reviewPatchSchema.safeParse(patch);
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
          Edit minutes
        </Button>
      </Box>
    ) : undefined;

  if (!editing) {
    return (
      <InfoCard title="Meeting" action={action}>
        <MeetingView review={review} />
      </InfoCard>
    );
  }

  return (
    <InfoCard title="Meeting">
      <form onSubmit={submit} noValidate aria-label="Meeting record">
        <EntityRefsPicker
          id="itsm-review-attendees"
          label="Attendees"
          kinds={['User', 'Group']}
          value={values.attendees}
          onChange={attendees => set({ attendees })}
          helperText="Who took part; press Enter after each ref"
        />
        <AgendaEditor
          agenda={values.agenda}
          onChange={agenda => set({ agenda })}
        />
        <TextField
          id="itsm-review-minutes"
          label="Minutes"
          multiline
          minRows={6}
          value={values.minutes}
          onChange={e => set({ minutes: e.target.value })}
          helperText="Markdown"
          margin="normal"
          fullWidth
        />
        <DecisionsEditor
          decisions={values.decisions}
          onChange={decisions => set({ decisions })}
        />
        {invalid && (
          <Typography color="error" variant="body2" role="alert">
            {invalid}
          </Typography>
        )}
        <WriteErrorAlert
          error={write.error}
          recordName="review"
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
            Save minutes
          </Button>
        </Box>
      </form>
    </InfoCard>
  );
}
