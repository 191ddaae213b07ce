import { Navigate, Route, Routes } from 'react-router-dom';
import { ApprovalsPage } from '../ApprovalsPage';
import { ChangeCalendarPage } from '../ChangeCalendarPage';
import { ChangePage } from '../ChangePage';
import { IncidentPage } from '../IncidentPage';
import { MyQueuePage } from '../MyQueuePage';
import { RequestChangePage } from '../RequestChange';

/**
 * The ITSM page, mounted at `/itsm`: `queue` (my queue, also the index), `incidents/:id`,
 * `changes/new` (request a change), `changes/:id`, `approvals` and `change-calendar`.
 */
export function ItsmPage() {
  return (
    <Routes>
      <Route path="/" element={<Navigate to="queue" replace />} />
      <Route path="queue" element={<MyQueuePage />} />
      <Route path="incidents/:id" element={<IncidentPage />} />
      <Route path="changes/new" element={<RequestChangePage />} />
      <Route path="changes/:id" element={<ChangePage />} />
      <Route path="approvals" element={<ApprovalsPage />} />
      <Route path="change-calendar" element={<ChangeCalendarPage />} />
    </Routes>
  );
}
