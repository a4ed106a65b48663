import type { Feature, LineString } from 'geojson';

/** Mirrors `server/field/assignments.ts` (the API's answer). */
export type AssignedStop = {
  order: number; targetId: string; targetName: string; kind: 'periodic' | 'surprise'; lon: number; lat: number;
  dwellMinutes: number; windowStart: string; windowEnd: string;
};
export type Assignment = {
  planId: string; planName: string; date: string; shift: number; unitId: string; unitName: string; baseName: string;
  stops: AssignedStop[]; route: Feature<LineString>; distanceMeters: number; minutes: number;
};
