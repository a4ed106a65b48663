import type { Agency } from '../../collections/vocabulary.ts';
import type { AgencyInspection, Decision, InspectionTarget } from '../inspections.ts';

// Rows of agency inspections and their targets, as both providers' tables hold them (JSON kept as text).

export type TargetRow = { target_kind: InspectionTarget['kind']; target_collection: string | null; target_id: number | null; target_owner: string | null; target_name: string | null; area: string | null };
export type InspectionRow = TargetRow & {
  id: number; agency: Agency; joint_with: string; date: string; findings: string; decision: Decision['kind']; fine_vnd: number | null; legal_basis: string | null;
  result: AgencyInspection['result']; follow_up_date: string | null; notes: string | null; plan_item_id: number | null; recorded_by: string; recorded_at: string;
};

export const target = (row: TargetRow): InspectionTarget => ({
  kind: row.target_kind, collection: row.target_collection, id: row.target_id, owner: row.target_owner, name: row.target_name, area: row.area ? JSON.parse(row.area) : null,
});
export const targetColumns = (value: InspectionTarget) => [value.kind, value.collection, value.id, value.owner, value.name, value.area ? JSON.stringify(value.area) : null];

export const inspection = (row: InspectionRow): AgencyInspection => ({
  id: row.id, target: target(row), agency: row.agency, jointWith: JSON.parse(row.joint_with), date: row.date, findings: JSON.parse(row.findings),
  decision: row.decision === 'fine' ? { kind: 'fine', amountVnd: row.fine_vnd!, legalBasis: row.legal_basis ?? '' } : { kind: row.decision },
  result: row.result, followUpDate: row.follow_up_date, notes: row.notes, planItemId: row.plan_item_id, recordedBy: row.recorded_by, recordedAt: row.recorded_at,
});
