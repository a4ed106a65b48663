import type { Agency } from '../../../server/collections/vocabulary.ts';

/** An inspection as `/api/inspections` answers it (server/storage/inspections.ts). */
export type Inspection = {
  id: number; agency: Agency; jointWith: Agency[]; date: string; result: 'compliant' | 'warning' | 'violation';
  target: { kind: string; collection: string | null; id: number | null; name: string | null };
  findings: { kind: string; severity: string; note?: string }[];
  decision: { kind: string; amountVnd?: number; legalBasis?: string };
  followUpDate: string | null; notes: string | null; planItemId: number | null; recordedBy: string;
};

export type PlanItem = {
  id: number; planId: number; date: string; agencies: Agency[]; status: 'planned' | 'done' | 'overdue'; missing: Agency[];
  target: { kind: string; collection: string | null; id: number | null; name: string | null };
  /** The item's version: an edit sends it back in If-Match, and is refused (412) when a colleague changed the item since. */
  etag: string;
};
export type Plan = { id: number; title: string; from: string; to: string; items: PlanItem[]; counts: { items: number; done: number; overdue: number; planned: number } };
