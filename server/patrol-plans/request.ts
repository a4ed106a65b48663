import { z } from 'zod';
import { AppError } from '../errors.ts';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD').refine((value) => !Number.isNaN(Date.parse(value)), 'must be a real date');
const MAX_HORIZON_DAYS = 92;

/** The body of POST /api/patrol-plans: the planning horizon, units and shifts, and the incident selection. */
export const planRequestSchema = z
  .object({
    name: z.string().trim().min(1).max(200),
    startDate: day,
    endDate: day,
    units: z.number().int().min(1).max(50),
    shiftsPerDay: z.number().int().min(1).max(3),
    surpriseShare: z.number().min(0).max(1).default(0.3),
    stopsPerShift: z.number().int().min(1).max(20).default(6),
    dwellMinutes: z.number().min(10).max(15).default(15),
    seed: z.string().trim().min(1).max(100).optional(),
    /** Where the plan's hotspot targets come from: the Gi* hotspots of the selection (default) or the forecast of the next weeks. */
    targetsFrom: z.enum(['hotspots', 'forecast']).default('hotspots'),
    selection: z.record(z.string(), z.union([z.string(), z.array(z.string())])).optional(),
  })
  .strict()
  .refine((body) => body.endDate >= body.startDate, { path: ['endDate'], message: 'endDate must not be before startDate' })
  .refine((body) => (Date.parse(body.endDate) - Date.parse(body.startDate)) / 86_400_000 < MAX_HORIZON_DAYS, {
    path: ['endDate'],
    message: `the planning horizon must be at most ${MAX_HORIZON_DAYS} days`,
  });

export type PlanRequest = z.infer<typeof planRequestSchema>;

/** Parses the body or throws a 400 listing every problem with its path. */
export function parsePlanRequest(body: unknown): PlanRequest {
  const result = planRequestSchema.safeParse(body);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => ({ path: issue.path.join('.') || '(body)', message: issue.message }));
  throw new AppError(400, 'InvalidBody', `${problems[0].path}: ${problems[0].message}`, { problems });
}
