import { useEffect } from 'react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Card from '@material-ui/core/Card';
import CardActions from '@material-ui/core/CardActions';
import CardContent from '@material-ui/core/CardContent';
import Chip from '@material-ui/core/Chip';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import type { KnownErrorMatch } from '@backstage-itsm/plugin-itsm-common';
import { Markdown } from '../../shared/Markdown';
import { shortRef } from '../../shared/format';
import { KnownErrorLink } from '../ProblemLink';
import { useKnownErrorMatches } from './useKnownErrorMatches';
import type { KnownErrorOffer } from './useKnownErrorOffer';

/** Props of {@link KnownErrorSuggestions}. */
export interface KnownErrorSuggestionsProps {
  /** The incident's entity. */
  entityRef: string;
  /** Title and description as typed so far. */
  text: string;
  category?: string | null;
  signature?: string | null;
  /** Applies the match's workaround (records the use, resolves, ...). */
  onApply: (match: KnownErrorMatch) => void;
  /** Told every set of matches shown, e.g. to record them as offered later. */
  onMatches?: (matches: KnownErrorMatch[]) => void;
  /** The known error whose workaround was chosen: its button says so. */
  appliedId?: string;
  /** The apply button's words (default `Apply workaround`). */
  applyLabel?: string;
  /** Disables the apply buttons while the caller works. */
  busy?: boolean;
}

/** One known error offered: why it matched, the workaround and "Apply workaround". */
function Suggestion(props: {
  match: KnownErrorMatch;
  applied: boolean;
  applyLabel: string;
  busy?: boolean;
  onApply: () => void;
}) {
  const { match, applied } = props;
  const { knownError } = match;
  return (
    <Card
      variant="outlined"
      role="article"
      aria-label={`${knownError.id}: ${knownError.title}`}
    >
      <CardContent>
        <Typography variant="subtitle1" component="h4">
          <KnownErrorLink id={knownError.id} /> {knownError.title}
        </Typography>
        <Box display="flex" flexWrap="wrap" style={{ gap: 4 }} my={1}>
          {match.reasons.map(reason => (
            <Chip key={reason} size="small" variant="outlined" label={reason} />
          ))}
          {match.upstream && (
            <Chip
              size="small"
              color="secondary"
              label={`via upstream ${shortRef(match.matchedEntityRef)}`}
              title={`Registered on ${match.matchedEntityRef}, a dependency of this service`}
            />
          )}
        </Box>
        <Typography variant="caption" color="textSecondary" component="div">
          Workaround
        </Typography>
        <Markdown content={knownError.workaround} />
      </CardContent>
      <CardActions>
        <Button
          size="small"
          color="primary"
          variant={applied ? 'contained' : 'outlined'}
          disabled={props.busy}
          onClick={props.onApply}
          aria-pressed={applied}
        >
          {applied ? 'Workaround chosen' : props.applyLabel}
        </Button>
      </CardActions>
    </Card>
  );
}

/**
 * The known errors that match an incident as it is reported or worked on: the entity's
 * own and its upstream dependencies', asked again a moment after typing settles, each with
 * why it matched, its workaround in Markdown and "Apply workaround".
 */
export function KnownErrorSuggestions(props: KnownErrorSuggestionsProps) {
  const { matches, error } = useKnownErrorMatches({
    entityRef: props.entityRef,
    text: props.text,
    category: props.category ?? undefined,
    signature: props.signature ?? undefined,
  });
  const { onMatches } = props;
  useEffect(() => {
    onMatches?.(matches);
  }, [matches, onMatches]);

  if (error) {
    // Suggestions help; a failure to find them must not stand in the way.
    return null;
  }
  if (matches.length === 0) {
    return null;
  }
  return (
    <Box role="region" aria-label="Known errors that match">
      <Alert severity="info" style={{ marginBottom: 8 }}>
        {matches.length === 1
          ? 'A known error matches: its workaround may restore service now.'
          : `${matches.length} known errors match: their workarounds may restore service now.`}
      </Alert>
      <Box display="grid" style={{ gap: 8 }}>
        {matches.map(match => (
          <Suggestion
            key={match.knownError.id}
            match={match}
            applied={props.appliedId === match.knownError.id}
            applyLabel={props.applyLabel ?? 'Apply workaround'}
            busy={props.busy}
            onApply={() => props.onApply(match)}
          />
        ))}
      </Box>
    </Box>
  );
}

/**
 * The suggestions of a form that reports an incident: "Apply workaround" chooses (or
 * un-chooses) a known error; the form records the offer when the incident is created.
 */
export function KnownErrorOfferField(props: {
  offer: KnownErrorOffer;
  entityRef: string;
  text: string;
  category?: string | null;
}) {
  const { offer } = props;
  return (
    <KnownErrorSuggestions
      entityRef={props.entityRef}
      text={props.text}
      category={props.category}
      onApply={offer.choose}
      onMatches={offer.onMatches}
      appliedId={offer.chosen?.knownError.id}
    />
  );
}
