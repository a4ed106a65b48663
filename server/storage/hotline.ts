import type { Extent, ItemQuery, QueryResult } from './features.ts';

export const HOTLINE_STATUSES = ['received', 'converted', 'closed'] as const;
export type HotlineStatus = (typeof HOTLINE_STATUSES)[number];
export type HotlineReport = {
  id: number; trackingCode: string; lon: number; lat: number; seenAt: string; description: string; category: string | null;
  contact: { name: string | null; phone: string | null } | null; status: HotlineStatus; closingReason: string | null;
  incidentId: number | null; receivedAt: string; handledBy: string | null; handledAt: string | null;
};
export type NewHotlineReport = Omit<HotlineReport, 'id' | 'status' | 'closingReason' | 'incidentId' | 'handledBy' | 'handledAt'> & { clientAddress: string };

/** Citizens' hotline reports; text is stored NFC and as typed (the web escapes it when showing it). */
export interface HotlineStore {
  /** Stores a new report as `received`; Conflict when its tracking code is taken. */
  add(report: NewHotlineReport): Promise<HotlineReport>;
  get(id: number): Promise<HotlineReport | undefined>;
  byCode(code: string): Promise<HotlineReport | undefined>;
  /** Newest first. */
  list(status: HotlineStatus | null, limit: number, offset: number): Promise<{ reports: HotlineReport[]; numberMatched: number }>;
  /**
   * Moves a report that is still `received` to converted or closed; false (and nothing written) when it is no longer
   * received, so of two concurrent steps only one can win.
   */
  settle(id: number, change: { status: 'converted' | 'closed'; closingReason?: string; incidentId?: number; handledBy: string; at: string }): Promise<boolean>;
  /**
   * The reports as the `hotline_reports` collection (`server/collections/published.ts`): points without contacts,
   * with the items query's bbox, datetime (seen_at), equality filters, ids and paging, counted.
   */
  queryFeatures(query: ItemQuery): Promise<QueryResult>;
  /** Bbox and seen_at interval of every report (the collection's metadata); null members when there is none. */
  extent(): Promise<Extent>;
}
