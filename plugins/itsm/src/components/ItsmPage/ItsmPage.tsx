import { Navigate, Route, Routes } from 'react-router-dom';
import { IncidentPage } from '../IncidentPage';
import { MyQueuePage } from '../MyQueuePage';

/**
 * The ITSM page, mounted at `/itsm`: `queue` (my queue, also the index) and
 * `incidents/:id` (one incident).
 */
export function ItsmPage() {
  return (
    <Routes>
      <Route path="/" element={<Navigate to="queue" replace />} />
      <Route path="queue" element={<MyQueuePage />} />
      <Route path="incidents/:id" element={<IncidentPage />} />
    </Routes>
  );
}
