import { useState, type ComponentType } from 'react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Tooltip from '@material-ui/core/Tooltip';
import EditIcon from '@material-ui/icons/Edit';
import type { RecordKind, VersionedRecord } from './RecordKind';
import type { RecordDialogProps } from './useVersionedWrite';

/** A move a record's lifecycle allows now, and why it is blocked if something is missing. */
export interface OfferedMove<S extends string = string> {
  to: S;
  label: string;
  /** Set when the move cannot be made yet; the button is disabled with this as its tooltip. */
  blockedBecause?: string;
}

/** Props of {@link RecordActions}. */
export interface RecordActionsProps<
  T extends VersionedRecord,
  S extends string,
> {
  kind: RecordKind<T, any, any>;
  record: T;
  /** The moves to offer, one button each, in order. */
  moves: readonly OfferedMove<S>[];
  /** Whether "Edit" is offered. */
  editable: boolean;
  /** Takes the record a dialog's write answered with. */
  onChange: (record: T) => void;
  onReload: () => void;
  /** The practice's dialog for a move to `to`. */
  TransitionDialog: ComponentType<RecordDialogProps<T> & { to: S }>;
  /** The practice's edit dialog. */
  EditDialog: ComponentType<RecordDialogProps<T>>;
  /** The moves shown in the quieter outline (default: a cancellation). */
  quietMoves?: readonly S[];
  /** When set, each move's button has the test id `<testIdPrefix>-<status>`. */
  testIdPrefix?: string;
}

const CANCELLATION: readonly string[] = ['cancelled'];

const capitalized = (noun: string) =>
  noun.charAt(0).toLocaleUpperCase('en-US') + noun.slice(1);

/**
 * A toolbar with one button per move the record's lifecycle offers (a cancellation, or the
 * practice's `quietMoves`, in the quieter outline; a blocked move disabled with why as its
 * tooltip) and "Edit". Each opens the practice's dialog; what the server answers
 * becomes the page's record.
 */
export function RecordActions<T extends VersionedRecord, S extends string>(
  props: RecordActionsProps<T, S>,
) {
  const { kind, record, onChange, onReload, TransitionDialog, EditDialog } =
    props;
  const [moving, setMoving] = useState<S>();
  const [editing, setEditing] = useState(false);
  const quietMoves: readonly string[] = props.quietMoves ?? CANCELLATION;

  return (
    <Box
      display="flex"
      flexWrap="wrap"
      style={{ gap: 8 }}
      role="toolbar"
      aria-label={`${capitalized(kind.noun)} actions`}
    >
      {props.moves.map(move => {
        const quiet = quietMoves.includes(move.to);
        const button = (
          <Button
            key={move.to}
            variant={quiet ? 'outlined' : 'contained'}
            color={quiet ? 'default' : 'primary'}
            disabled={Boolean(move.blockedBecause)}
            onClick={() => setMoving(move.to)}
            data-testid={
              props.testIdPrefix
                ? `${props.testIdPrefix}-${move.to}`
                : undefined
            }
          >
            {move.label}
          </Button>
        );
        return move.blockedBecause ? (
          <Tooltip key={move.to} title={move.blockedBecause}>
            <span>{button}</span>
          </Tooltip>
        ) : (
          button
        );
      })}
      {props.editable && (
        <Button
          variant="outlined"
          startIcon={<EditIcon />}
          onClick={() => setEditing(true)}
        >
          Edit
        </Button>
      )}
      {moving && (
        <TransitionDialog
          key={moving}
          record={record}
          to={moving}
          open
          onClose={() => setMoving(undefined)}
          onDone={next => {
            setMoving(undefined);
            onChange(next);
          }}
          onReload={onReload}
        />
      )}
      <EditDialog
        record={record}
        open={editing}
        onClose={() => setEditing(false)}
        onDone={next => {
          setEditing(false);
          onChange(next);
        }}
        onReload={onReload}
      />
    </Box>
  );
}
