import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import Typography from '@material-ui/core/Typography';
import type { RequiredApproval } from '@backstage-itsm/plugin-itsm-common';
import { describeRequirement } from './requirements';

/** The approvals a change needs (or will need), one line each. */
export function RequiredApprovalsList(props: {
  requirements: readonly RequiredApproval[];
  /** Shown when nothing is required. */
  emptyText?: string;
  label?: string;
}) {
  if (props.requirements.length === 0) {
    return (
      <Typography variant="body2" color="textSecondary">
        {props.emptyText ?? 'No approvals needed.'}
      </Typography>
    );
  }
  return (
    <List dense disablePadding aria-label={props.label ?? 'Required approvals'}>
      {props.requirements.map((r, i) => (
        <ListItem key={`${r.kind}-${r.group}-${i}`} disableGutters>
          <ListItemText
            primary={describeRequirement(r)}
            secondary={r.group}
            secondaryTypographyProps={{ variant: 'caption' }}
          />
        </ListItem>
      ))}
    </List>
  );
}
