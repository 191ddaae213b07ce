import Box from '@material-ui/core/Box';
import TextField from '@material-ui/core/TextField';
import { PERIOD_LABELS, type PeriodChoice } from './periods';

/** The period choice and, for custom dates, the inclusive from/to dates (in the picker's zone). */
export interface PeriodValue {
  choice: PeriodChoice;
  from: string;
  to: string;
}

export function PeriodPicker(props: {
  value: PeriodValue;
  onChange: (value: PeriodValue) => void;
  /** The time zone the dates are days of (the SLA calendar's); UTC by default. */
  timezone?: string;
}) {
  const { value, onChange } = props;
  const zone = props.timezone ?? 'UTC';
  return (
    <Box display="flex" flexWrap="wrap" style={{ gap: 16 }}>
      <TextField
        id="itsm-sla-period"
        select
        label="Period"
        value={value.choice}
        onChange={e =>
          onChange({ ...value, choice: e.target.value as PeriodChoice })
        }
        SelectProps={{ native: true }}
        InputLabelProps={{ shrink: true }}
        margin="dense"
      >
        {(Object.keys(PERIOD_LABELS) as PeriodChoice[]).map(choice => (
          <option key={choice} value={choice}>
            {PERIOD_LABELS[choice]}
          </option>
        ))}
      </TextField>
      {value.choice === 'custom' && (
        <>
          <TextField
            id="itsm-sla-period-from"
            type="date"
            label={`From (${zone})`}
            value={value.from}
            onChange={e => onChange({ ...value, from: e.target.value })}
            InputLabelProps={{ shrink: true }}
            margin="dense"
          />
          <TextField
            id="itsm-sla-period-to"
            type="date"
            label={`To, inclusive (${zone})`}
            value={value.to}
            onChange={e => onChange({ ...value, to: e.target.value })}
            InputLabelProps={{ shrink: true }}
            margin="dense"
            error={Boolean(value.from && value.to && value.to < value.from)}
            helperText={
              value.from && value.to && value.to < value.from
                ? 'Must not be before From'
                : undefined
            }
          />
        </>
      )}
    </Box>
  );
}
