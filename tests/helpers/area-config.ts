import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The shipped deployment's data/kontum/area.json as it is on disk, read without the server's code: what tests check names against. */
export const SHIPPED_AREA = JSON.parse(readFileSync(fileURLToPath(new URL('../../data/kontum/area.json', import.meta.url)), 'utf8')) as {
  name: string; nameEn: string; place: string; description?: string;
  province: { name: string; nameEn: string; code?: string };
  organisations: Record<'department' | 'police' | 'committee', { name: string; nameEn: string; formerName?: string; formerNameEn?: string; symbol?: string }>;
  files: Record<string, string>; towns: { capital?: string; capitalName?: string; seats: string[] }; attribution: Record<string, string>;
};
