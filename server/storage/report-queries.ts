/** Epoch-millisecond bounds, inclusive. */
export type MsRange = { startMs: number; endMs: number };

/** The counts behind the six-monthly report (directive item 7), each over the stored records of a period. */
export type PeriodCounts = {
  /** Incidents by a property's value ('none' for no value), by when they occurred. */
  incidentsBy: Record<'type' | 'commune_code' | 'district_code' | 'asset_owner', Record<string, number>>;
  incidents: { total: number; damageVnd: number; outageMinutes: number; resolved: number; open: number; dismissed: number };
  /** Key-target review steps taken in the period, by action. */
  keyTargetActions: Record<string, number>;
  /** Patrol plans whose dates overlap the period. */
  plans: { plans: number; approved: number; unitDays: number; meanCoverage: number | null };
  /** Hotline reports received in the period, by status. */
  hotline: Record<string, number>;
  /** Inspections dated in the period: by result; by recording agency and decision; fines in đồng by agency. */
  inspections: { byResult: Record<string, number>; byAgencyDecision: Record<string, Record<string, number>>; finesVndByAgency: Record<string, number> };
};

/** Aggregates the report needs, computed where the data is. */
export interface ReportQueries {
  /** Counts for one period; `openStatuses` are the incident statuses that count as open, `days` the period's first and last day. */
  periodCounts(range: MsRange, days: { from: string; to: string }, openStatuses: readonly string[]): Promise<PeriodCounts>;
}
