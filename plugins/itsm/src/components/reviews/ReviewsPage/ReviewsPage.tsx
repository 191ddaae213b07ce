import { useState } from 'react';
import { Route, Routes } from 'react-router-dom';
import Box from '@material-ui/core/Box';
import Tab from '@material-ui/core/Tab';
import Tabs from '@material-ui/core/Tabs';
import Typography from '@material-ui/core/Typography';
import { MyReviewActions } from '../MyReviewActions';
import { ReviewPage } from '../ReviewPage';
import { ReviewPackPrintPage } from '../pack';
import { ActionsByOwner } from './ActionsByOwner';
import { DueReviews } from './DueReviews';

type ReviewsTab = 'due' | 'actions' | 'mine';

/**
 * `/itsm/reviews`: the reviews still to be held (overdue first) with filters, the open
 * actions of all reviews grouped by owner, and "My actions".
 */
export function ReviewsListPage() {
  const [tab, setTab] = useState<ReviewsTab>('due');
  return (
    <Box p={3}>
      <Typography variant="h4" component="h1" gutterBottom>
        Service reviews
      </Typography>
      <Tabs
        value={tab}
        onChange={(_, next) => setTab(next)}
        indicatorColor="primary"
        aria-label="Service reviews"
      >
        <Tab value="due" label="Due and overdue" />
        <Tab value="actions" label="Open actions by owner" />
        <Tab value="mine" label="My actions" />
      </Tabs>
      <Box mt={2} role="tabpanel">
        {tab === 'due' && <DueReviews />}
        {tab === 'actions' && <ActionsByOwner />}
        {tab === 'mine' && (
          <Box p={3}>
            <MyReviewActions />
          </Box>
        )}
      </Box>
    </Box>
  );
}

/**
 * The Reviews page, mounted at `/itsm/reviews` (its own page in the new frontend system,
 * `reviews/*` of `ItsmPage` in a legacy app): the list (the index), `:id` (one review) and
 * `:id/pack` (its printable pack).
 */
export function ReviewsPage() {
  return (
    <Routes>
      <Route path="/" element={<ReviewsListPage />} />
      <Route path=":id" element={<ReviewPage />} />
      <Route path=":id/pack" element={<ReviewPackPrintPage />} />
    </Routes>
  );
}
