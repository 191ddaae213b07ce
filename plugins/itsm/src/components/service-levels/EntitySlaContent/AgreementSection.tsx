import { useState } from 'react';
import { useApi } from '@backstage/core-plugin-api';
import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import EditOutlined from '@material-ui/icons/EditOutlined';
import useAsync from 'react-use/esm/useAsync';
import type {
  AgreementRevision,
  CalendarRecord,
  ServiceLevelAgreement,
} from '@backstage-itsm/plugin-itsm-common';
import { itsmApiRef } from '../../../api';
import { RecordHistory } from '../../../records';
import { slaKind } from '../record/serviceLevelKinds';
import { SlaTone } from '../SlaTone';
import { CADENCE_WORDS, TermsView, formatDay } from './TermsView';

function ReviewLine(props: { sla: ServiceLevelAgreement; now: Date }) {
  const { sla } = props;
  const overdue = Date.parse(sla.nextReviewAt) < props.now.getTime();
  return (
    <>
      Reviewed {CADENCE_WORDS[sla.reviewCadence]}; next review{' '}
      <SlaTone tone={overdue ? 'warning' : 'neutral'}>
        {formatDay(sla.nextReviewAt)}
        {overdue ? ' (overdue)' : ''}
      </SlaTone>
      {sla.lastReviewedAt && ` · last ${formatDay(sla.lastReviewedAt)}`}
    </>
  );
}

/** Which revision holds now: the latest, or the one before it until the latest takes effect. */
export function revisionStatus(sla: ServiceLevelAgreement, now: Date): string {
  const from = Date.parse(sla.effectiveFrom);
  const to = sla.effectiveTo ? Date.parse(sla.effectiveTo) : Infinity;
  if (now.getTime() >= to) {
    return `Revision ${sla.revision} ended on ${formatDay(sla.effectiveTo!)}`;
  }
  if (now.getTime() < from) {
    return sla.revision > 1
      ? `Revision ${sla.revision} takes effect on ${formatDay(
          sla.effectiveFrom,
        )}; revision ${sla.revision - 1} is in force until then`
      : `Takes effect on ${formatDay(sla.effectiveFrom)}`;
  }
  return `Revision ${sla.revision} in force`;
}

/**
 * The agreement in force (title, customers, calendar and hours, review with the next date,
 * exceptions, dates, revision), the table of its revisions (selecting one shows its terms),
 * and the record's history.
 */
export function AgreementSection(props: {
  sla: ServiceLevelAgreement;
  calendars: CalendarRecord[];
  onEdit: () => void;
}) {
  const { sla, calendars } = props;
  const itsmApi = useApi(itsmApiRef);
  const [selected, setSelected] = useState<AgreementRevision>();
  const [showHistory, setShowHistory] = useState(false);
  const revisions = useAsync(
    async () => (await itsmApi.getSlaRevisions({ id: sla.id })).items,
    [itsmApi, sla.id, sla.version],
  );
  const history = useAsync(
    async () =>
      showHistory ? (await itsmApi.getSlaHistory({ id: sla.id })).items : [],
    [itsmApi, sla.id, sla.version, showHistory],
  );

  return (
    <InfoCard
      title={`${sla.id}: ${sla.title}`}
      subheader={revisionStatus(sla, new Date())}
      action={
        <Button
          startIcon={<EditOutlined />}
          onClick={props.onEdit}
          style={{ marginTop: 8 }}
        >
          Edit terms
        </Button>
      }
    >
      <TermsView
        terms={sla}
        calendars={calendars}
        review={<ReviewLine sla={sla} now={new Date()} />}
      />
      <Box mt={3}>
        <Typography variant="subtitle1" component="h3">
          Revisions
        </Typography>
        {revisions.error && <ResponseErrorPanel error={revisions.error} />}
        {revisions.loading && <Progress />}
        {revisions.value && (
          <Table size="small" aria-label="Revisions">
            <TableHead>
              <TableRow>
                <TableCell>Revision</TableCell>
                <TableCell>Title</TableCell>
                <TableCell>In force</TableCell>
                <TableCell>Agreed by</TableCell>
                <TableCell />
              </TableRow>
            </TableHead>
            <TableBody>
              {[...revisions.value].reverse().map(rev => (
                <TableRow
                  key={rev.revision}
                  selected={selected?.revision === rev.revision}
                >
                  <TableCell>{rev.revision}</TableCell>
                  <TableCell>{rev.title}</TableCell>
                  <TableCell>
                    {formatDay(rev.effectiveFrom)} –{' '}
                    {rev.effectiveTo ? formatDay(rev.effectiveTo) : 'open'}
                  </TableCell>
                  <TableCell>{rev.createdBy}</TableCell>
                  <TableCell>
                    <Button
                      size="small"
                      aria-label={`Show revision ${rev.revision}`}
                      onClick={() =>
                        setSelected(
                          selected?.revision === rev.revision ? undefined : rev,
                        )
                      }
                    >
                      {selected?.revision === rev.revision ? 'Hide' : 'Show'}
                    </Button>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
        {selected && (
          <Box
            mt={2}
            p={2}
            border={1}
            borderColor="divider"
            borderRadius={4}
            role="region"
            aria-label={`Terms of revision ${selected.revision}`}
          >
            <Typography variant="subtitle2" gutterBottom>
              Revision {selected.revision}: {selected.title}
            </Typography>
            <TermsView terms={selected} calendars={calendars} />
            <Typography variant="body2">
              Targets:{' '}
              {Object.entries(selected.targets.incidents)
                .map(
                  ([key, clocks]) =>
                    `${key.toUpperCase()} ${Object.entries(clocks ?? {})
                      .map(([clock, t]) => `${clock} ${t?.duration}`)
                      .join(', ')}`,
                )
                .join('; ') || 'defaults'}
              ; availability {selected.targets.availabilityPercent ?? '–'}%
            </Typography>
          </Box>
        )}
      </Box>
      <Box mt={3}>
        <Button size="small" onClick={() => setShowHistory(v => !v)}>
          {showHistory ? 'Hide record history' : 'Show record history'}
        </Button>
        {showHistory && history.error && (
          <ResponseErrorPanel error={history.error} />
        )}
        {showHistory && history.value && (
          <RecordHistory
            kind={slaKind}
            events={history.value}
            label="SLA history"
          />
        )}
      </Box>
    </InfoCard>
  );
}
