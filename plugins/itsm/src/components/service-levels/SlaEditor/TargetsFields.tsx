import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import TextField from '@material-ui/core/TextField';
import {
  PRIORITY_KEYS,
  PRIORITY_LABELS,
  SLM_CLOCKS,
  priorityOfKey,
  type CalendarRecord,
  type PriorityKey,
  type SlmClock,
} from '@backstage-itsm/plugin-itsm-common';
import type {
  AgreementFormValues,
  FieldErrors,
  TargetValue,
} from './agreementForm';

/** Response and resolution per priority: a duration and, optionally, its own calendar. */
export function TargetsFields(props: {
  targets: AgreementFormValues['targets'];
  calendars: CalendarRecord[];
  errors: FieldErrors;
  disabled?: boolean;
  onChange: (key: PriorityKey, clock: SlmClock, value: TargetValue) => void;
}) {
  const { targets, calendars, errors } = props;
  return (
    <Table size="small" aria-label="Incident targets per priority">
      <TableHead>
        <TableRow>
          <TableCell>Priority</TableCell>
          {SLM_CLOCKS.map(clock => (
            <TableCell key={clock}>
              {clock === 'response' ? 'Response' : 'Resolution'}
            </TableCell>
          ))}
        </TableRow>
      </TableHead>
      <TableBody>
        {PRIORITY_KEYS.map(key => (
          <TableRow key={key}>
            <TableCell>{PRIORITY_LABELS[priorityOfKey(key)]}</TableCell>
            {SLM_CLOCKS.map(clock => {
              const value = targets[key][clock];
              const name = `targets.${key}.${clock}`;
              const label = `${key.toUpperCase()} ${clock}`;
              return (
                <TableCell key={clock}>
                  <TextField
                    id={`itsm-sla-${key}-${clock}`}
                    label={label}
                    placeholder="e.g. 4h"
                    value={value.duration}
                    disabled={props.disabled}
                    onChange={e =>
                      props.onChange(key, clock, {
                        ...value,
                        duration: e.target.value,
                      })
                    }
                    error={Boolean(errors[`${name}.duration`])}
                    helperText={errors[`${name}.duration`]}
                    margin="dense"
                    size="small"
                  />
                  <TextField
                    id={`itsm-sla-${key}-${clock}-calendar`}
                    select
                    label={`${label} calendar`}
                    value={value.calendarId}
                    disabled={props.disabled}
                    onChange={e =>
                      props.onChange(key, clock, {
                        ...value,
                        calendarId: e.target.value,
                      })
                    }
                    SelectProps={{ native: true }}
                    InputLabelProps={{ shrink: true }}
                    error={Boolean(errors[`${name}.calendarId`])}
                    helperText={errors[`${name}.calendarId`]}
                    margin="dense"
                    size="small"
                  >
                    <option value="">Agreement calendar</option>
                    {calendars.map(c => (
                      <option key={c.id} value={c.id}>
                        {c.title || c.id}
                      </option>
                    ))}
                  </TextField>
                </TableCell>
              );
            })}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
