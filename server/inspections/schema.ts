import { z } from 'zod';
import { AGENCIES, FINDING_SEVERITIES, INSPECTION_FINDING_KINDS } from '../collections/vocabulary.ts';

/** A calendar date YYYY-MM-DD that exists (2026-02-30 does not). */
export const calendarDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD')
  .refine((value) => !Number.isNaN(Date.parse(value)) && new Date(value).toISOString().slice(0, 10) === value, 'a real date');

const text = (max: number) => z.string().trim().min(1).max(max).transform((value) => value.normalize('NFC'));

/** The feature collections an inspection can be of: agents, dealers and sites. */
export const TARGET_COLLECTIONS = ['service_agents', 'scrap_dealers', 'bts_sites', 'facilities'] as const;

/**
 * What is inspected: a feature by collection and id, or an area drawn as a Polygon (its shape is checked in full by
 * `inspectionProblems`, after its size is bounded).
 */
export const targetRef = z.union([
  z.object({ collection: z.enum(TARGET_COLLECTIONS), id: z.number().int().positive() }).strict(),
  z.object({ area: z.object({ type: z.literal('Polygon'), coordinates: z.array(z.array(z.array(z.number()))) }).strict(), name: text(200).optional() }).strict(),
]);
export type TargetRef = z.infer<typeof targetRef>;

const finding = z.object({ kind: z.enum(INSPECTION_FINDING_KINDS), severity: z.enum(FINDING_SEVERITIES), note: text(500).optional() }).strict();

const decision = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('none') }).strict(),
  z.object({ kind: z.literal('warning') }).strict(),
  // Fines for telecom and postal violations run to hundreds of millions of đồng (Decree 15/2020/ND-CP); 10 billion bounds typing errors.
  z.object({ kind: z.literal('fine'), amountVnd: z.number().int().positive().max(10_000_000_000), legalBasis: text(500) }).strict(),
  z.object({ kind: z.literal('licence_suspension') }).strict(),
  z.object({ kind: z.literal('referral_to_police') }).strict(),
]);

/** The body of `POST /api/inspections`: the target, or the plan item it carries out (whose target it then is). */
export const inspectionBody = z.object({
  target: targetRef.optional(),
  planItemId: z.number().int().positive().optional(),
  agency: z.enum(AGENCIES).optional(),
  jointWith: z.array(z.enum(AGENCIES)).max(AGENCIES.length).default([]),
  date: calendarDate,
  findings: z.array(finding).max(50).default([]),
  decision,
  followUpDate: calendarDate.optional(),
  notes: text(4000).optional(),
}).strict();
export type InspectionBody = z.infer<typeof inspectionBody>;

/** One planned inspection: what, by which agencies, on which day (`POST /api/inspection-plans/{id}/items`). */
export const planItemBody = z.object({ target: targetRef, agencies: z.array(z.enum(AGENCIES)).min(1).max(AGENCIES.length), date: calendarDate, notes: text(1000).optional() }).strict();
export type PlanItemBody = z.infer<typeof planItemBody>;

/** The body of `PATCH /api/inspection-plans/{id}/items/{itemId}`: who inspects, when, notes (null clears them); the target stays. */
export const planItemChange = z.object({
  agencies: planItemBody.shape.agencies.optional(),
  date: calendarDate.optional(),
  notes: text(1000).nullable().optional(),
}).strict().refine((change) => Object.keys(change).length > 0, 'nothing to change: give agencies, date or notes');
export type PlanItemChange = z.infer<typeof planItemChange>;

/** The body of `POST /api/inspection-plans`: a period and what is inspected by whom and when (items may follow later). */
export const planBody = z.object({
  title: text(200),
  from: calendarDate,
  to: calendarDate,
  notes: text(4000).optional(),
  items: z.array(planItemBody).max(200).default([]),
}).strict();
export type PlanBody = z.infer<typeof planBody>;
