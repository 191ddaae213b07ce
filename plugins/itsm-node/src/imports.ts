import { createExtensionPoint } from '@backstage/backend-plugin-api';
import type {
  ServiceLevelAgreement,
  SlaCreateRequest,
  SlaPatchRequest,
  SupportingAgreement,
  SupportingAgreementCreateRequest,
  ApprovalDecisionRequest,
  Change,
  ChangeCreateRequest,
  ChangePatchRequest,
  ChangeTemplate,
  ChangeTemplateCreateRequest,
  ChangeTemplatePatchRequest,
  ChangeTransitionRequest,
  HistoryEvent,
  Incident,
  IncidentCreateRequest,
  IncidentPatchRequest,
  IncidentTransitionRequest,
  KnownError,
  KnownErrorCreateRequest,
  Problem,
  ProblemCreateRequest,
  ProblemPatchRequest,
  ProblemTransitionRequest,
  RecordLink,
  ReviewAction,
  ReviewActionCreateRequest,
  ReviewActionPatchRequest,
  ReviewCreateRequest,
  ReviewPatchRequest,
  ReviewTransitionRequest,
  ServiceReview,
} from '@backstage-itsm/plugin-itsm-common';
import type {
  Complaint,
  ComplaintCreateRequest,
  ComplaintPatchRequest,
  ComplaintTransitionRequest,
  RecordLinkCreate,
} from '@backstage-itsm/plugin-itsm-common';

import type {
  Improvement,
  ImprovementCreateRequest,
  ImprovementPatchRequest,
  ImprovementTransitionRequest,
} from '@backstage-itsm/plugin-itsm-common';

import type {
  Survey,
  SurveyCreateRequest,
  SurveyResponse,
  SurveyResponseRequest,
  SurveyTransitionRequest,
} from '@backstage-itsm/plugin-itsm-common';

/**
 * Incident writes for a trusted import, with the full domain rules (priority, clocks, history)
 * but no permission checks: each call acts as `actor` at the instant the import's clock says.
 *
 * @public
 */
export interface ItsmIncidentImporter {
  create(input: IncidentCreateRequest, actor: string): Promise<Incident>;
  patch(
    id: string,
    body: IncidentPatchRequest,
    actor: string,
  ): Promise<Incident>;
  transition(
    id: string,
    body: IncidentTransitionRequest,
    actor: string,
  ): Promise<Incident>;
  addWorkNote(id: string, text: string, actor: string): Promise<HistoryEvent>;
  addStatusUpdate(
    id: string,
    text: string,
    actor: string,
  ): Promise<HistoryEvent>;
}

/**
 * Change writes for a trusted import, with the full domain rules (lifecycle, risk, conflicts,
 * approval policy, segregation of duties) but no permission checks: each call acts as `actor`
 * (the requester on create, the approver on a decision) at the instant the import's clock says.
 *
 * @public
 */
export interface ItsmChangeImporter {
  create(input: ChangeCreateRequest, actor: string): Promise<Change>;
  patch(id: string, body: ChangePatchRequest, actor: string): Promise<Change>;
  transition(
    id: string,
    body: ChangeTransitionRequest,
    actor: string,
  ): Promise<Change>;
  /** A vote; the deciding one moves the change to scheduled or rejected. */
  decide(
    id: string,
    body: ApprovalDecisionRequest,
    actor: string,
  ): Promise<Change>;
}

/**
 * Standard change template writes for a trusted import, as `actor`.
 *
 * @public
 */
export interface ItsmChangeTemplateImporter {
  create(
    input: ChangeTemplateCreateRequest,
    actor: string,
  ): Promise<ChangeTemplate>;
  patch(
    id: string,
    body: ChangeTemplatePatchRequest,
    actor: string,
  ): Promise<ChangeTemplate>;
}

/**
 * SLA and supporting agreement (OLA, UC) writes for a trusted import, as `actor`, with the full
 * validation but without the ownership check.
 *
 * @public
 */
export interface ItsmAgreementImporter {
  createSla(
    input: SlaCreateRequest,
    actor: string,
  ): Promise<ServiceLevelAgreement>;
  patchSla(
    id: string,
    body: SlaPatchRequest,
    actor: string,
  ): Promise<ServiceLevelAgreement>;
  createSupportingAgreement(
    input: SupportingAgreementCreateRequest,
    actor: string,
  ): Promise<SupportingAgreement>;
}

/**
 * Problem and known-error writes for a trusted import, as `actor`, with the full domain rules
 * (lifecycle, links, history) but no permission checks; `detect` runs the detection of
 * candidate problems at the import's clock, as the plugin.
 *
 * @public
 */
export interface ItsmProblemImporter {
  create(input: ProblemCreateRequest, actor: string): Promise<Problem>;
  get(id: string): Promise<Problem>;
  patch(id: string, body: ProblemPatchRequest, actor: string): Promise<Problem>;
  transition(
    id: string,
    body: ProblemTransitionRequest,
    actor: string,
  ): Promise<Problem>;
  linkIncident(
    id: string,
    body: { incidentId: string; reason?: string },
    actor: string,
  ): Promise<RecordLink>;
  createKnownError(
    input: KnownErrorCreateRequest,
    actor: string,
  ): Promise<KnownError>;
  recordKnownErrorUse(
    id: string,
    body: { incidentId: string; kind: 'offered' | 'applied' },
    actor: string,
  ): Promise<KnownError>;
  /** Runs the detection of candidate problems; the ids it proposed. */
  detect(): Promise<string[]>;
}

/**
 * Service review writes for a trusted import, as `actor`, with the full lifecycle (the pack is
 * generated from the records at the import's clock and frozen with its hash) but no permission
 * checks; the sign-off is recorded for the customer it names without reading their group
 * membership. `schedule` runs the review scheduling at the import's clock, as the plugin.
 *
 * @public
 */
export interface ItsmReviewImporter {
  create(input: ReviewCreateRequest, actor: string): Promise<ServiceReview>;
  get(id: string): Promise<ServiceReview>;
  patch(
    id: string,
    body: ReviewPatchRequest,
    actor: string,
  ): Promise<ServiceReview>;
  /** Generates the pack for the review's period and freezes it into the review. */
  freezePack(id: string, actor: string): Promise<ServiceReview>;
  transition(
    id: string,
    body: ReviewTransitionRequest,
    actor: string,
  ): Promise<ServiceReview>;
  signOff(
    id: string,
    body: { comment?: string },
    actor: string,
  ): Promise<ServiceReview>;
  addAction(
    id: string,
    body: ReviewActionCreateRequest,
    actor: string,
  ): Promise<ReviewAction>;
  /** `actionId` as the action's id says it, e.g. `REV-4/A-2`. */
  patchAction(
    actionId: string,
    body: ReviewActionPatchRequest,
    actor: string,
  ): Promise<ReviewAction>;
  /** Runs the review scheduling; the ids of the reviews it scheduled. */
  schedule(): Promise<string[]>;
}

/**
 * Complaint writes for a trusted import, with the full domain rules (lifecycle, the fields
 * each move needs, history) but no permission checks: the complainant is the `actor` of the
 * create; each call acts as `actor` at the instant the import's clock says.
 *
 * @public
 */
export interface ItsmComplaintImporter {
  create(input: ComplaintCreateRequest, actor: string): Promise<Complaint>;
  get(id: string): Promise<Complaint>;
  patch(
    id: string,
    body: ComplaintPatchRequest,
    actor: string,
  ): Promise<Complaint>;
  transition(
    id: string,
    body: ComplaintTransitionRequest,
    actor: string,
  ): Promise<Complaint>;
  /** Links the complaint to another record (`CMP-2 relates_to INC-7`). */
  link(id: string, body: RecordLinkCreate, actor: string): Promise<RecordLink>;
}

/**
 * Survey campaign and response writes for a trusted import, with the full domain rules
 * (lifecycle, the audience resolved when a campaign opens, one answer per person, the answers
 * checked against the questions) but no permission checks and no notifications: each call acts
 * as `actor` at the instant the import's clock says.
 *
 * @public
 */
export interface ItsmSatisfactionImporter {
  createSurvey(input: SurveyCreateRequest, actor: string): Promise<Survey>;
  /** Opens (inviting the audience, quietly) or closes a campaign. */
  transitionSurvey(
    id: string,
    body: SurveyTransitionRequest,
    actor: string,
  ): Promise<Survey>;
  /** `actor`'s answer to a campaign they were invited to. */
  respondToSurvey(
    id: string,
    body: SurveyResponseRequest,
    actor: string,
  ): Promise<SurveyResponse>;
  /**
   * The reporter's (`actor`'s) rating of a resolved incident's latest resolution; the
   * invitation it answers is recorded first, whatever the sample says.
   */
  rateIncident(
    id: string,
    body: SurveyResponseRequest,
    actor: string,
  ): Promise<SurveyResponse>;
}

/**
 * Improvement register writes for a trusted import, with the full domain rules (sources
 * checked and linked, separation of duties on approval, the baseline measured and frozen at
 * approval from the records imported so far, the lifecycle) but no permission checks: each
 * call acts as `actor` at the instant the import's clock says.
 *
 * @public
 */
export interface ItsmImprovementImporter {
  create(input: ImprovementCreateRequest, actor: string): Promise<Improvement>;
  get(id: string): Promise<Improvement>;
  patch(
    id: string,
    body: ImprovementPatchRequest,
    actor: string,
  ): Promise<Improvement>;
  /** Approving measures the KPI's baseline over the W days before the import's clock. */
  transition(
    id: string,
    body: ImprovementTransitionRequest,
    actor: string,
  ): Promise<Improvement>;
  /**
   * Measures an implemented item whose measurement window is over by the import's clock and
   * records its verdict.
   */
  evaluate(id: string, actor: string): Promise<Improvement>;
  /** Runs the evaluation job at the import's clock, as the plugin; the ids it evaluated. */
  evaluateDue(): Promise<string[]>;
  /**
   * Proposes an item as the plugin, as the suggestions job does; null when an item was
   * proposed for `sourceKey` already.
   */
  propose(
    input: ImprovementCreateRequest,
    sourceKey: string,
  ): Promise<Improvement | null>;
  /** Links the item to another record (`IMP-2 relates_to PRB-7`). */
  link(id: string, body: RecordLinkCreate, actor: string): Promise<RecordLink>;
}

/**
 * What an import task gets: importers bound to a clock of its choosing, so that a history
 * (say, from another ITSM tool, or demo data) keeps its original timestamps.
 *
 * @public
 */
export interface ItsmImportContext {
  /** True while the plugin holds no records at all. */
  isEmpty(): Promise<boolean>;
  /** Incident writes whose timestamps come from `now`. */
  incidents(options: { now: () => Date }): ItsmIncidentImporter;
  /** Change writes whose timestamps come from `now`. */
  changes(options: { now: () => Date }): ItsmChangeImporter;
  /** Standard change template writes whose timestamps come from `now`. */
  changeTemplates(options: { now: () => Date }): ItsmChangeTemplateImporter;
  /** SLA and supporting agreement writes whose timestamps come from `now`. */
  agreements(options: { now: () => Date }): ItsmAgreementImporter;
  /** Problem and known-error writes whose timestamps come from `now`. */
  problems(options: { now: () => Date }): ItsmProblemImporter;
  /**
   * Complaint writes whose timestamps come from `now`. Optional so that import contexts made
   * before complaints existed (test doubles) still fit; the plugin always provides it.
   */
  complaints?(options: { now: () => Date }): ItsmComplaintImporter;
  /**
   * Service review writes whose timestamps come from `now`. Optional so that import contexts
   * made before reviews existed (test doubles) still fit; the plugin always provides it.
   */
  reviews?(options: { now: () => Date }): ItsmReviewImporter;
  /**
   * Survey campaign and response writes whose timestamps come from `now`. Optional so that
   * import contexts made before satisfaction existed (test doubles) still fit; the plugin
   * always provides it.
   */
  satisfaction?(options: { now: () => Date }): ItsmSatisfactionImporter;
  /**
   * Improvement register writes whose timestamps come from `now`. Optional so that import
   * contexts made before the register existed (test doubles) still fit; the plugin always
   * provides it.
   */
  improvements?(options: { now: () => Date }): ItsmImprovementImporter;
}

/**
 * Lets backend modules import records once the plugin has started, e.g. a migration from
 * another ITSM tool, or the demo data of a development portal.
 *
 * @public
 */
export interface ItsmImportsExtensionPoint {
  /** Runs `task` in the background after startup; a failure is logged, never fatal. */
  addImport(
    name: string,
    task: (context: ItsmImportContext) => Promise<void>,
  ): void;
}

/**
 * Extension point for {@link ItsmImportsExtensionPoint}.
 *
 * @public
 */
export const itsmImportsExtensionPoint =
  createExtensionPoint<ItsmImportsExtensionPoint>({ id: 'itsm.imports' });
