import { toDate } from '../../records/rows';
import type {
  ApprovalRecord,
  ChangeEntity,
  ChangeFields,
  ChangeRecord,
} from './ChangeStore';
import { toOptionalDate } from '../../records/rows';

/** Columns of `itsm_changes` for each business field. */
const CHANGE_COLUMNS: Record<keyof ChangeFields, string> = {
  type: 'type',
  status: 'status',
  planRevision: 'plan_revision',
  title: 'title',
  justification: 'justification',
  plannedStart: 'planned_start',
  plannedEnd: 'planned_end',
  actualStart: 'actual_start',
  actualEnd: 'actual_end',
  implementationPlan: 'implementation_plan',
  backoutPlan: 'backout_plan',
  testPlan: 'test_plan',
  riskAnswers: 'risk_answers',
  risk: 'risk',
  riskReasons: 'risk_reasons',
  requiredApprovals: 'required_approvals',
  conflicts: 'conflicts',
  outcome: 'outcome',
  review: 'review',
  requester: 'requester',
  templateSeq: 'template_seq',
  templateVersion: 'template_version',
};

/** Fields stored as JSON text. */
const JSON_FIELDS = new Set<keyof ChangeFields>([
  'riskAnswers',
  'riskReasons',
  'requiredApprovals',
  'conflicts',
  'review',
]);

/** @internal */
export function changeFieldsToRow(
  fields: Partial<ChangeFields>,
): Record<string, unknown> {
  const row: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields) as Array<
    [keyof ChangeFields, unknown]
  >) {
    const column = CHANGE_COLUMNS[key];
    if (column === undefined || value === undefined) {
      continue;
    }
    row[column] =
      JSON_FIELDS.has(key) && value !== null ? JSON.stringify(value) : value;
  }
  return row;
}

const json = (value: unknown) =>
  value === null || value === undefined ? null : JSON.parse(String(value));
const optionalNumber = (value: unknown) =>
  value === null || value === undefined ? null : Number(value);

/** @internal */
export function rowToChange(
  row: Record<string, any>,
  entities: ChangeEntity[],
  approvals: ApprovalRecord[],
): ChangeRecord {
  return {
    seq: Number(row.seq),
    version: Number(row.version),
    type: row.type,
    status: row.status,
    planRevision: Number(row.plan_revision),
    title: row.title,
    justification: row.justification,
    plannedStart: toOptionalDate(row.planned_start),
    plannedEnd: toOptionalDate(row.planned_end),
    actualStart: toOptionalDate(row.actual_start),
    actualEnd: toOptionalDate(row.actual_end),
    implementationPlan: row.implementation_plan ?? null,
    backoutPlan: row.backout_plan ?? null,
    testPlan: row.test_plan ?? null,
    riskAnswers: json(row.risk_answers) ?? {},
    risk: row.risk ?? null,
    riskReasons: json(row.risk_reasons) ?? [],
    requiredApprovals: json(row.required_approvals) ?? [],
    conflicts: json(row.conflicts) ?? [],
    outcome: row.outcome ?? null,
    review: json(row.review),
    requester: row.requester,
    templateSeq: optionalNumber(row.template_seq),
    templateVersion: optionalNumber(row.template_version),
    createdAt: toDate(row.created_at),
    createdBy: row.created_by,
    updatedAt: toDate(row.updated_at),
    updatedBy: row.updated_by,
    entities,
    approvals,
  };
}

/** @internal */
export function rowToApproval(row: Record<string, any>): ApprovalRecord {
  return {
    approver: row.approver,
    decision: row.decision,
    comment: row.comment ?? null,
    at: toDate(row.at),
    planRevision: Number(row.plan_revision),
  };
}
