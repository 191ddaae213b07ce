import Box from '@material-ui/core/Box';
import { EntityRefPicker } from '../../shared/EntityRefPicker';
import { CONFIGURATION_ITEM_KINDS } from '../RequestChange';

/** The calendar's filters: owner group, system and entity refs (empty = all). */
export interface CalendarFilterValues {
  owner: string;
  system: string;
  entityRef: string;
}

/** Owner (group), system and entity pickers. */
export function CalendarFilters(props: {
  value: CalendarFilterValues;
  onChange: (value: CalendarFilterValues) => void;
}) {
  const { value, onChange } = props;
  const set = (field: keyof CalendarFilterValues) => (ref: string | null) =>
    onChange({ ...value, [field]: ref ?? '' });
  return (
    <Box display="flex" flexWrap="wrap" style={{ gap: 16 }}>
      <Box width={260}>
        <EntityRefPicker
          id="itsm-calendar-owner"
          label="Owner"
          kinds={['Group']}
          value={value.owner || null}
          onChange={set('owner')}
          helperText="e.g. group:default/platform-team"
        />
      </Box>
      <Box width={260}>
        <EntityRefPicker
          id="itsm-calendar-system"
          label="System"
          kinds={['System']}
          value={value.system || null}
          onChange={set('system')}
          helperText="e.g. system:default/payments"
        />
      </Box>
      <Box width={260}>
        <EntityRefPicker
          id="itsm-calendar-entity"
          label="Entity"
          kinds={CONFIGURATION_ITEM_KINDS}
          value={value.entityRef || null}
          onChange={set('entityRef')}
          helperText="e.g. component:default/payments-api"
        />
      </Box>
    </Box>
  );
}
