import { Route, Routes } from 'react-router-dom';
import { ChangePage } from '../ChangePage';
import { RequestChangePage } from '../RequestChange';
import { ChangesListPage } from './ChangesListPage';

/**
 * The Changes page of the new frontend system, mounted at `/itsm/changes`: all changes
 * (the index), `new` (request a change) and `:id` (one change).
 */
export function ChangesPage() {
  return (
    <Routes>
      <Route path="/" element={<ChangesListPage />} />
      <Route path="new" element={<RequestChangePage />} />
      <Route path=":id" element={<ChangePage />} />
    </Routes>
  );
}
