import type { ReactNode } from 'react';
import Box from '@material-ui/core/Box';
import Grid from '@material-ui/core/Grid';
import type { ServiceReview } from '@backstage-itsm/plugin-itsm-common';
import { ReviewActionsSection } from '../ReviewActionsTable';
import { MeetingRecord } from './MeetingRecord';
import { PackPanel } from './PackPanel';
import { ReviewMoves } from './ReviewMoves';
import { ReviewSummary } from './ReviewSummary';
import { SignOffCard } from './SignOffCard';
import { isReviewEditable } from './reviewTransitions';

/**
 * The work on one review, in the order it is done: the summary (date, overdue flag,
 * status), the moves ("Mark prepared", "Mark held", "Close", "Cancel review") and "Edit",
 * the review pack (preview, "Freeze pack", the frozen pack with its hash, generator version
 * and drift, "Print pack"), the meeting (attendees, agenda, minutes, decisions), the actions
 * and the customer's sign-off. `main` and `side` add to the two columns (history, links).
 */
export function ReviewWorkflow(props: {
  review: ServiceReview;
  /** Takes the review a write answered with. */
  onChange: (review: ServiceReview) => void;
  /** Reloads the review (the action of a 412). */
  onReload: () => void;
  headingComponent?: 'h1' | 'h2';
  showService?: boolean;
  packExpanded?: boolean;
  main?: ReactNode;
  side?: ReactNode;
}) {
  const { review, onChange, onReload } = props;
  return (
    <>
      <ReviewSummary
        review={review}
        headingComponent={props.headingComponent}
        showService={props.showService}
      />
      <Box mb={3}>
        <ReviewMoves review={review} onChange={onChange} onReload={onReload} />
      </Box>
      <Grid container spacing={3}>
        <Grid item xs={12}>
          <PackPanel
            review={review}
            onChange={onChange}
            onReload={onReload}
            defaultExpanded={props.packExpanded}
          />
        </Grid>
        <Grid item xs={12} md={7} lg={8}>
          <MeetingRecord
            review={review}
            editable={isReviewEditable(review)}
            onChange={onChange}
            onReload={onReload}
          />
          <Box mt={3}>
            <ReviewActionsSection review={review} />
          </Box>
          {props.main}
        </Grid>
        <Grid item xs={12} md={5} lg={4}>
          <SignOffCard review={review} onChange={onChange} />
          {props.side}
        </Grid>
      </Grid>
    </>
  );
}
