import {
  Controller,
  useWatch,
  type Control,
  type FieldErrors,
} from 'react-hook-form';
import Grid from '@material-ui/core/Grid';
import type { Level } from '@backstage-itsm/plugin-itsm-common';
import { ExpectedPriority } from './ExpectedPriority';
import { impactOptions, urgencyOptions } from './forms';
import { LevelSelect } from './LevelSelect';

/** The two answers a priority is computed from. */
export type PriorityValues = { impact?: Level; urgency?: Level };

/**
 * Impact and urgency with the priority they give shown live, as three grid items of the
 * caller's `Grid container` (incidents and problems ask the same way). Forms whose values hold
 * more fields pass their control cast to these two.
 */
export function PriorityFields(props: {
  control: Control<PriorityValues>;
  errors: FieldErrors<PriorityValues>;
  /** Prefix of the inputs' ids, e.g. `itsm-report`. */
  idPrefix: string;
}) {
  const { control, errors, idPrefix } = props;
  const [impact, urgency] = useWatch({ control, name: ['impact', 'urgency'] });
  const level = (name: 'impact' | 'urgency', label: string) => (
    <Grid item xs={12} sm={4}>
      <Controller
        control={control}
        name={name}
        render={({ field }) => (
          <LevelSelect
            id={`${idPrefix}-${name}`}
            label={label}
            value={field.value}
            options={name === 'impact' ? impactOptions : urgencyOptions}
            onChange={field.onChange}
            onBlur={field.onBlur}
            error={errors[name]?.message}
          />
        )}
      />
    </Grid>
  );
  return (
    <>
      {level('impact', 'Impact')}
      {level('urgency', 'Urgency')}
      <Grid item xs={12} sm={4}>
        <ExpectedPriority impact={impact} urgency={urgency} />
      </Grid>
    </>
  );
}
