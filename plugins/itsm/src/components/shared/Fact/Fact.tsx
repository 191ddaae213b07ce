import type { ReactNode } from 'react';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
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

/** An entity ref as a link, or `unset` in grey when there is none. */
export function RefOrUnset(props: {
  entityRef?: string | null;
  unset: string;
}) {
  return props.entityRef ? (
    <EntityRefLink entityRef={props.entityRef} hideIcon />
  ) : (
    <Unset text={props.unset} />
  );
}
