import type { ReactNode } from 'react';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';

/** A labelled value in a record header (a group named by its label). */
export function Fact(props: { label: string; children: ReactNode }) {
  return (
    <Box role="group" aria-label={props.label}>
      <Typography variant="caption" color="textSecondary" component="div">
        {props.label}
      </Typography>
      <Typography variant="body2" component="div">
        {props.children}
      </Typography>
    </Box>
  );
}

/** A value that is not set, in grey. */
export function Unset(props: { text: string }) {
  return (
    <Typography variant="body2" color="textSecondary" component="span">
      {props.text}
    </Typography>
  );
}
