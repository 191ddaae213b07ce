import { useId, type ReactNode } from 'react';
import {
  REVIEW_PACK_SECTIONS,
  type ReviewPack,
  type ReviewPackDrift,
  type ReviewPackSectionDrift,
  type ReviewPackSectionKey,
  type ReviewPackSections,
} from '@backstage-itsm/plugin-itsm-common';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import {
  ActionsSection,
  ComplaintsSection,
  SatisfactionSection,
} from './customerSections';
import {
  ChangesSection,
  IncidentsSection,
  ProblemsSection,
} from './recordSections';
import {
  AlignmentSection,
  AvailabilitySection,
  BreachesSection,
  SlaSection,
  WorkloadSection,
} from './serviceLevelSections';

const useStyles = makeStyles(theme => ({
  section: {
    marginBottom: theme.spacing(4),
    '@media print': {
      breakBefore: 'page',
      '&:first-of-type': { breakBefore: 'auto' },
    },
  },
  changed: {
    borderLeft: `4px solid ${theme.palette.warning.main}`,
    paddingLeft: theme.spacing(2),
    '@media print': { borderLeft: '4px double #000' },
  },
  drift: {
    border: `1px solid ${theme.palette.warning.main}`,
    background: theme.palette.background.default,
    padding: theme.spacing(1, 2),
    marginBottom: theme.spacing(2),
    '@media print': { border: '1px dashed #000', background: '#fff' },
  },
  driftList: { margin: 0, paddingLeft: theme.spacing(2) },
}));

/** How a drift value reads: an item by its id and title, a value as it is, a missing one as `–`. */
export function driftValueText(value: unknown): string {
  if (value === null || value === undefined) return '–';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value !== 'object') return String(value);
  const item = value as Record<string, unknown>;
  if (typeof item.id === 'string') {
    return typeof item.title === 'string'
      ? `${item.id} ${item.title}`
      : item.id;
  }
  const text = JSON.stringify(value);
  return text.length > 80 ? `${text.slice(0, 79)}…` : text;
}

/** What changed in one section since freezing: `path: frozen → live` per line. */
export function DriftNote(props: { drift: ReviewPackSectionDrift }) {
  const classes = useStyles();
  const { drift } = props;
  return (
    <Box
      className={classes.drift}
      role="note"
      aria-label={`Changed since frozen: ${drift.title}`}
    >
      <Typography variant="subtitle2" component="p">
        Changed in the live data since the pack was frozen
      </Typography>
      <ul className={classes.driftList}>
        {drift.changes.map(change => (
          <li key={change.path}>
            <Typography variant="body2" component="span">
              {change.path}: {driftValueText(change.frozen)} →{' '}
              {driftValueText(change.live)}
            </Typography>
          </li>
        ))}
      </ul>
    </Box>
  );
}

function sectionBody(
  key: ReviewPackSectionKey,
  sections: ReviewPackSections,
): ReactNode {
  switch (key) {
    case 'sla':
      return <SlaSection section={sections.sla} />;
    case 'availability':
      return <AvailabilitySection section={sections.availability} />;
    case 'workload':
      return <WorkloadSection section={sections.workload} />;
    case 'breaches':
      return <BreachesSection section={sections.breaches} />;
    case 'incidents':
      return <IncidentsSection section={sections.incidents} />;
    case 'problems':
      return <ProblemsSection section={sections.problems} />;
    case 'changes':
      return <ChangesSection section={sections.changes} />;
    case 'satisfaction':
      return <SatisfactionSection section={sections.satisfaction} />;
    case 'complaints':
      return <ComplaintsSection section={sections.complaints} />;
    case 'alignment':
      return <AlignmentSection section={sections.alignment} />;
    case 'actions':
      return <ActionsSection section={sections.actions} />;
    default:
      return null;
  }
}

/**
 * A service review pack, every section in order with its tables and figures (each with its n
 * and whether its target was met), laid out for the screen and for paper: one section per
 * printed page. With `drift`, the sections whose live data changed since the pack was frozen
 * are marked and say what changed.
 */
export function ReviewPackView(props: {
  pack: ReviewPack;
  drift?: ReviewPackDrift;
}) {
  const classes = useStyles();
  const idPrefix = useId();
  const { pack, drift } = props;
  const driftOf = (key: ReviewPackSectionKey | 'header') =>
    drift?.sections.find(s => s.section === key);
  const headerDrift = driftOf('header');
  return (
    <Box>
      {drift && (
        <Typography variant="body2" paragraph>
          {drift.changed
            ? `The live data differs from the frozen pack in ${
                drift.sections.length
              } ${
                drift.sections.length === 1 ? 'part' : 'parts'
              }: ${drift.sections.map(s => s.title).join(', ')}.`
            : 'The live data is still as it was when the pack was frozen.'}
        </Typography>
      )}
      {headerDrift && <DriftNote drift={headerDrift} />}
      {REVIEW_PACK_SECTIONS.map(({ key, title }) => {
        const changed = driftOf(key);
        // A frozen pack of an older format may lack a section the view knows.
        const body = pack.sections[key]
          ? sectionBody(key, pack.sections)
          : null;
        return (
          <section
            key={key}
            aria-labelledby={`${idPrefix}-${key}`}
            className={`${classes.section} ${changed ? classes.changed : ''}`}
            data-changed={changed ? 'true' : undefined}
          >
            <Typography
              variant="h6"
              component="h2"
              id={`${idPrefix}-${key}`}
              gutterBottom
            >
              {title}
              {changed ? ' (changed since frozen)' : ''}
            </Typography>
            {changed && <DriftNote drift={changed} />}
            {body ?? (
              <Typography variant="body2">
                This pack was generated without this section.
              </Typography>
            )}
          </section>
        );
      })}
    </Box>
  );
}
