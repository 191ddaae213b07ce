import { Navigate, Route, Routes } from 'react-router-dom';
import { ApprovalsPage } from '../changes/ApprovalsPage';
import { ChangeCalendarPage } from '../changes/ChangeCalendarPage';
import { ChangePage } from '../changes/ChangePage';
import { ChangesListPage } from '../changes/ChangesPage';
import { IncidentPage } from '../incidents/IncidentPage';
import { MyQueuePage } from '../incidents/MyQueuePage';
import { RequestChangePage } from '../changes/RequestChange';
import { SlaReportPage } from '../service-levels/SlaReportPage';
import { ProblemsListPage } from '../problems/ProblemsPage';
import { ProblemPage } from '../problems/ProblemPage';
import { KnownErrorsListPage } from '../problems/KnownErrorsPage';
import { KnownErrorPage } from '../problems/KnownErrorPage';
import { ComplaintPage } from '../complaints/ComplaintPage';
import { ComplaintsListPage } from '../complaints/ComplaintsPage';
import { ReviewsPage } from '../reviews';
import { SurveyAnswerPage } from '../satisfaction';
import { ImprovementsPage } from '../improvements/ImprovementsPage';

/**
 * The ITSM page of a legacy app, mounted at `/itsm`: `queue` (my queue, also the index),
 * `incidents/:id`, `changes` (all changes), `changes/new` (request a change),
 * `changes/:id`, `approvals`, `change-calendar`, `sla-report` (the printable SLA report),
 * `problems`, `problems/:id`, `known-errors`, `known-errors/:id`, service reviews (`reviews`,
 * `reviews/:id`, `reviews/:id/pack`), complaints (`complaints`, `complaints/:id`) and the
 * improvement register (`improvements`, `improvements/new`, `improvements/:id`).
 */
export function ItsmPage() {
  return (
    <Routes>
      <Route path="/" element={<Navigate to="queue" replace />} />
      <Route path="queue" element={<MyQueuePage />} />
      <Route path="incidents/:id" element={<IncidentPage />} />
      <Route path="changes" element={<ChangesListPage />} />
      <Route path="changes/new" element={<RequestChangePage />} />
      <Route path="changes/:id" element={<ChangePage />} />
      <Route path="approvals" element={<ApprovalsPage />} />
      <Route path="change-calendar" element={<ChangeCalendarPage />} />
      <Route path="sla-report" element={<SlaReportPage />} />
      <Route path="surveys/respond" element={<SurveyAnswerPage />} />
      <Route path="problems" element={<ProblemsListPage />} />
      <Route path="problems/:id" element={<ProblemPage />} />
      <Route path="known-errors" element={<KnownErrorsListPage />} />
      <Route path="known-errors/:id" element={<KnownErrorPage />} />
      <Route path="reviews/*" element={<ReviewsPage />} />
      <Route path="complaints" element={<ComplaintsListPage />} />
      <Route path="complaints/:id" element={<ComplaintPage />} />
      <Route path="improvements/*" element={<ImprovementsPage />} />
    </Routes>
  );
}

/**
 * The Incidents page of the new frontend system, mounted at `/itsm`: `queue` (my queue,
 * also the index), `incidents/:id`, `sla-report` (the printable SLA report) and `surveys/respond` (answering a
 * survey or rating a resolved incident, reached from the notification). Changes, approvals and the calendar are pages of
 * their own there.
 */
export function IncidentsPage() {
  return (
    <Routes>
      <Route path="/" element={<Navigate to="queue" replace />} />
      <Route path="queue" element={<MyQueuePage />} />
      <Route path="incidents/:id" element={<IncidentPage />} />
      <Route path="sla-report" element={<SlaReportPage />} />
      <Route path="surveys/respond" element={<SurveyAnswerPage />} />
    </Routes>
  );
}
