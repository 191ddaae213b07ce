import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import type {
  AgreementRevision,
  CalendarRecord,
} from '@backstage-itsm/plugin-itsm-common';
import { Markdown } from '../../shared/Markdown';
import { summarizeHours } from '../SlaEditor';

const CADENCE_WORDS = {
  monthly: 'monthly',
  quarterly: 'quarterly',
  semiannual: 'every six months',
  annual: 'annually',
};

/** `1 Oct 2026` */
export function formatDay(iso: string): string {
  return new Date(iso).toLocaleDateString(undefined, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });
}

function Term(props: { label: string; children: React.ReactNode }) {
  return (
    <Grid item xs={12} sm={6} md={4}>
      <Box role="group" aria-label={props.label}>
        <Typography variant="caption" color="textSecondary" component="div">
          {props.label}
        </Typography>
        <Typography variant="body2" component="div">
          {props.children}
        </Typography>
      </Box>
    </Grid>
  );
}

/** The terms of an agreement revision: customers, calendar and its hours, dates, exceptions. */
export function TermsView(props: {
  terms: Omit<AgreementRevision, 'createdAt' | 'createdBy'>;
  calendars: CalendarRecord[];
  /** Review line for the agreement in force (cadence + next date). */
  review?: React.ReactNode;
}) {
  const { terms, calendars } = props;
  const calendar = calendars.find(c => c.id === terms.calendarId);
  return (
    <Grid container spacing={2}>
      {terms.customerGroups && (
        <Term label="Customers">
          {terms.customerGroups.length === 0
            ? 'None named'
            : terms.customerGroups.map((ref, i) => (
                <span key={ref}>
                  {i > 0 && ', '}
                  <EntityRefLink entityRef={ref} defaultKind="group" />
                </span>
              ))}
        </Term>
      )}
      <Term label="Service hours">
        {calendar ? `${calendar.title || calendar.id}: ` : terms.calendarId}
        {calendar && summarizeHours(calendar)}
      </Term>
      <Term label="In force">
        from {formatDay(terms.effectiveFrom)}
        {terms.effectiveTo
          ? ` until ${formatDay(terms.effectiveTo)}`
          : ', open-ended'}{' '}
        · revision {terms.revision}
      </Term>
      <Term label="Review">
        {props.review ?? `Reviewed ${CADENCE_WORDS[terms.reviewCadence]}`}
      </Term>
      <Grid item xs={12}>
        <Typography variant="caption" color="textSecondary" component="div">
          Exceptions
        </Typography>
        {terms.exceptions.trim() ? (
          <Markdown content={terms.exceptions} />
        ) : (
          <Typography variant="body2">None agreed.</Typography>
        )}
      </Grid>
    </Grid>
  );
}

export { CADENCE_WORDS };
