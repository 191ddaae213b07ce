import {
  ApiBlueprint,
  PageBlueprint,
  createFrontendPlugin,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/frontend-plugin-api';
import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import AssignmentTurnedInOutlined from '@material-ui/icons/AssignmentTurnedInOutlined';
import EventOutlined from '@material-ui/icons/EventOutlined';
import SwapHorizOutlined from '@material-ui/icons/SwapHorizOutlined';
import ReportProblemOutlined from '@material-ui/icons/ReportProblemOutlined';
import BugReportOutlined from '@material-ui/icons/BugReportOutlined';
import LibraryBooksOutlined from '@material-ui/icons/LibraryBooksOutlined';
import FeedbackOutlined from '@material-ui/icons/FeedbackOutlined';
import RateReviewOutlined from '@material-ui/icons/RateReviewOutlined';
import TrendingUpOutlined from '@material-ui/icons/TrendingUpOutlined';
import { ItsmClient, itsmApiRef } from './api';
import {
  approvalsRouteRef,
  changeCalendarRouteRef,
  changeRouteRef,
  changesRouteRef,
  complaintRouteRef,
  complaintsRouteRef,
  improvementRouteRef,
  improvementsRouteRef,
  incidentRouteRef,
  knownErrorRouteRef,
  knownErrorsRouteRef,
  newChangeRouteRef,
  newImprovementRouteRef,
  problemRouteRef,
  problemsRouteRef,
  queueRouteRef,
  reviewPackRouteRef,
  reviewRouteRef,
  reviewsRouteRef,
  rootRouteRef,
  slaReportRouteRef,
} from './routes';

const itsmApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: itsmApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new ItsmClient({ discoveryApi, fetchApi }),
    }),
});

// One page with its own routes (`queue`, `incidents/:id`): an incident is not a tab, so
// the page renders them itself rather than through sub-pages. Its title and icon make the
// sidebar item.
const itsmPage = PageBlueprint.make({
  params: {
    path: '/itsm',
    routeRef: rootRouteRef,
    title: 'Incidents',
    icon: <ReportProblemOutlined fontSize="inherit" />,
    loader: () =>
      import('./components/ItsmPage').then(m => <m.IncidentsPage />),
  },
});

// Pages of their own, so each gets a header and a sidebar item; `ItsmPage` serves the same
// paths in a legacy app. The more specific path wins over `/itsm`, so `changeRouteRef` and
// `newChangeRouteRef` (sub-routes of the ITSM page, `/itsm/changes/…`) land on the Changes
// page.
const changesPage = PageBlueprint.make({
  name: 'changes',
  params: {
    path: '/itsm/changes',
    routeRef: changesRouteRef,
    title: 'Changes',
    icon: <SwapHorizOutlined fontSize="inherit" />,
    loader: () =>
      import('./components/changes/ChangesPage').then(m => <m.ChangesPage />),
  },
});

const approvalsPage = PageBlueprint.make({
  name: 'approvals',
  params: {
    path: '/itsm/approvals',
    routeRef: approvalsRouteRef,
    title: 'Approvals',
    icon: <AssignmentTurnedInOutlined fontSize="inherit" />,
    loader: () =>
      import('./components/changes/ApprovalsPage').then(m => (
        <m.ApprovalsPage />
      )),
  },
});

const changeCalendarPage = PageBlueprint.make({
  name: 'change-calendar',
  params: {
    path: '/itsm/change-calendar',
    routeRef: changeCalendarRouteRef,
    title: 'Change calendar',
    icon: <EventOutlined fontSize="inherit" />,
    loader: () =>
      import('./components/changes/ChangeCalendarPage').then(m => (
        <m.ChangeCalendarPage />
      )),
  },
});

// Problem management and the known-error database: pages of their own (`problemRouteRef` and
// `knownErrorRouteRef`, sub-routes of the ITSM page, land on them like change pages do).
const problemsPage = PageBlueprint.make({
  name: 'problems',
  params: {
    path: '/itsm/problems',
    routeRef: problemsRouteRef,
    title: 'Problems',
    icon: <BugReportOutlined fontSize="inherit" />,
    loader: () =>
      import('./components/problems/ProblemsPage').then(m => (
        <m.ProblemsPage />
      )),
  },
});

const knownErrorsPage = PageBlueprint.make({
  name: 'known-errors',
  params: {
    path: '/itsm/known-errors',
    routeRef: knownErrorsRouteRef,
    title: 'Known errors',
    icon: <LibraryBooksOutlined fontSize="inherit" />,
    loader: () =>
      import('./components/problems/KnownErrorsPage').then(m => (
        <m.KnownErrorsPage />
      )),
  },
});

// Service reviews (due and overdue reviews, open actions, my actions) and complaints: pages of
// their own; each also serves its record pages (`reviews/:id`, `reviews/:id/pack`,
// `complaints/:id`), which are sub-routes of the ITSM page for legacy apps.
const reviewsPage = PageBlueprint.make({
  name: 'reviews',
  params: {
    path: '/itsm/reviews',
    routeRef: reviewsRouteRef,
    title: 'Service reviews',
    icon: <RateReviewOutlined fontSize="inherit" />,
    loader: () => import('./components/reviews').then(m => <m.ReviewsPage />),
  },
});

const complaintsPage = PageBlueprint.make({
  name: 'complaints',
  params: {
    path: '/itsm/complaints',
    routeRef: complaintsRouteRef,
    title: 'Complaints',
    icon: <FeedbackOutlined fontSize="inherit" />,
    loader: () =>
      import('./components/complaints/ComplaintsPage').then(m => (
        <m.ComplaintsPage />
      )),
  },
});

// The continual improvement register: its own page, which also serves `improvements/new` and
// `improvements/:id` (sub-routes of the ITSM page for legacy apps).
const improvementsPage = PageBlueprint.make({
  name: 'improvements',
  params: {
    path: '/itsm/improvements',
    routeRef: improvementsRouteRef,
    title: 'Improvements',
    icon: <TrendingUpOutlined fontSize="inherit" />,
    loader: () =>
      import('./components/improvements/ImprovementsPage').then(m => (
        <m.ImprovementsPage />
      )),
  },
});

// Configuration items by default (DESIGN §3, CMDB): the tab is offered on all of them. No tab
// group: grouped, the two tabs would fold into one menu and hide where incidents and changes are.
const serviceManagementContent = EntityContentBlueprint.make({
  name: 'service-management',
  params: {
    path: '/itsm',
    title: 'Service management',
    filter: { kind: { $in: ['component', 'resource', 'system', 'api'] } },
    loader: () =>
      import('./components/ServiceManagementContent').then(m => (
        <m.ServiceManagementContent />
      )),
  },
});

const changesContent = EntityContentBlueprint.make({
  name: 'changes',
  params: {
    path: '/changes',
    title: 'Changes',
    filter: { kind: { $in: ['component', 'resource', 'system', 'api'] } },
    loader: () =>
      import('./components/changes/EntityChangesContent').then(m => (
        <m.EntityChangesContent />
      )),
  },
});

const problemsContent = EntityContentBlueprint.make({
  name: 'problems',
  params: {
    path: '/problems',
    title: 'Problems',
    filter: { kind: { $in: ['component', 'resource', 'system', 'api'] } },
    loader: () =>
      import('./components/problems/EntityProblemsContent').then(m => (
        <m.EntityProblemsContent />
      )),
  },
});

// Services agree SLAs: components and the systems they make up.
const slaContent = EntityContentBlueprint.make({
  name: 'sla',
  params: {
    path: '/sla',
    title: 'SLA',
    filter: { kind: { $in: ['component', 'system'] } },
    loader: () =>
      import('./components/service-levels/EntitySlaContent').then(m => (
        <m.EntitySlaContent />
      )),
  },
});

// The customer review of a service: next review, its pack, minutes, actions and sign-off,
// earlier reviews, satisfaction and complaints. Services agree SLAs: components and systems.
const serviceReviewContent = EntityContentBlueprint.make({
  name: 'service-review',
  params: {
    path: '/service-review',
    title: 'Service review',
    filter: { kind: { $in: ['component', 'system'] } },
    loader: () =>
      import('./components/reviews').then(m => (
        <m.EntityServiceReviewContent />
      )),
  },
});

// The improvement items and corrective actions on a service, with "Raise improvement".
const improvementsContent = EntityContentBlueprint.make({
  name: 'improvements',
  params: {
    path: '/improvements',
    title: 'Improvements',
    filter: { kind: { $in: ['component', 'resource', 'system', 'api'] } },
    loader: () =>
      import('./components/improvements/ImprovementsSection').then(m => (
        <m.EntityImprovementsContent />
      )),
  },
});

const serviceHealthCard = EntityCardBlueprint.make({
  name: 'service-health',
  params: {
    filter: { kind: { $in: ['component', 'resource', 'system'] } },
    loader: () =>
      import('./components/ServiceHealthCard').then(m => (
        <m.ServiceHealthCard />
      )),
  },
});

/**
 * The ITSM frontend plugin for the new frontend system: the Incidents page at `/itsm` (my
 * queue, incident pages), the Changes page at `/itsm/changes` (all changes, change pages,
 * "Request a change"), the Approvals and Change calendar pages (each with a sidebar item), the
 * printable SLA report (`/itsm/sla-report`), the Problems (`/itsm/problems`) and Known errors
 * (`/itsm/known-errors`) pages, service reviews, complaints and the improvement register
 * (`/itsm/improvements`, with `new` and `:id`), the "Service management", "Changes",
 * "Problems", "SLA", "Service review" and "Improvements" entity tabs and the "Service
 * health" entity card.
 *
 * @alpha
 */
const itsmPlugin = createFrontendPlugin({
  pluginId: 'itsm',
  title: 'Service management',
  info: { packageJson: () => import('../package.json') },
  routes: {
    root: rootRouteRef,
    incident: incidentRouteRef,
    queue: queueRouteRef,
    changes: changesRouteRef,
    change: changeRouteRef,
    newChange: newChangeRouteRef,
    approvals: approvalsRouteRef,
    changeCalendar: changeCalendarRouteRef,
    slaReport: slaReportRouteRef,
    problems: problemsRouteRef,
    problem: problemRouteRef,
    knownErrors: knownErrorsRouteRef,
    knownError: knownErrorRouteRef,
    reviews: reviewsRouteRef,
    review: reviewRouteRef,
    reviewPack: reviewPackRouteRef,
    complaints: complaintsRouteRef,
    complaint: complaintRouteRef,
    improvements: improvementsRouteRef,
    improvement: improvementRouteRef,
    newImprovement: newImprovementRouteRef,
  },
  extensions: [
    itsmApi,
    itsmPage,
    changesPage,
    approvalsPage,
    changeCalendarPage,
    problemsPage,
    knownErrorsPage,
    reviewsPage,
    complaintsPage,
    improvementsPage,
    serviceManagementContent,
    changesContent,
    problemsContent,
    slaContent,
    serviceReviewContent,
    improvementsContent,
    serviceHealthCard,
  ],
});

export default itsmPlugin;
