import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { areaBounds } from './area-bounds.ts';

/** The area the repository ships: the former Kon Tum province (data/kontum, see its SOURCES.md). */
export const DEFAULT_AREA_DIRECTORY = fileURLToPath(new URL('../../data/kontum', import.meta.url));

const organisation = z.object({
  name: z.string().min(1),
  nameEn: z.string().min(1),
  formerName: z.string().min(1).optional(),
  formerNameEn: z.string().min(1).optional(),
  /**
   * The body's abbreviation in document symbols ("BC-SKHCN"): Decree 30/2020/NĐ-CP leaves it to each body, so it is
   * configured; without it the web app takes the initials of the name.
   */
  symbol: z.string().regex(/^[\p{Lu}\d]{1,12}$/u, 'capital letters and digits').optional(),
}).strict();

const areaSchema = z.object({
  /** The area's short name, as in "NetGuard Kon Tum". */
  name: z.string().min(1),
  nameEn: z.string().min(1),
  /** Code of the area's own outline in admin_areas (the former province's GSO code for Kon Tum). */
  code: z.string().min(1),
  description: z.string().optional(),
  /** The province the area belongs to today. */
  province: z.object({ name: z.string().min(1), nameEn: z.string().min(1), code: z.string().optional() }).strict(),
  /** The place printed before the date on documents ("Quảng Ngãi, ngày …"). */
  place: z.string().min(1),
  organisations: z.object({ department: organisation, police: organisation, committee: organisation }).strict(),
  files: z.object({ communes: z.string().min(1), centres: z.string().min(1).optional(), roads: z.string().min(1).optional() }).strict(),
  /** The communes the demo generator treats as towns: the capital (its core ward) and seats without town status. */
  towns: z.object({ capital: z.string().optional(), capitalName: z.string().optional(), seats: z.array(z.string()).default([]) }).strict().default({ seats: [] }),
  attribution: z.object({ boundaries: z.string().min(1), roads: z.string().optional() }).strict(),
  /** Where the area's maps start, [west, south, east, north]; when area.json leaves it out, from its communes file (`areaBounds`). */
  bounds: z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90), z.number().min(-180).max(180), z.number().min(-90).max(90)]).optional(),
}).strict();

/** One deployment's area: its names, today's organisations, its geodata files and what the demo treats as towns. */
export type AreaConfig = z.infer<typeof areaSchema>;
export type Organisation = z.infer<typeof organisation>;

/** The area directory of this process: `NETGUARD_AREA` (made by `npm run setup-area`), else data/kontum. */
export function areaDirectory(env: Record<string, string | undefined> = process.env): string {
  return env.NETGUARD_AREA ? resolve(env.NETGUARD_AREA) : DEFAULT_AREA_DIRECTORY;
}

/** True for the area the repository ships (its demo keeps the province preset and the web app's built basemap). */
export const isDefaultArea = (directory: string): boolean => resolve(directory) === resolve(DEFAULT_AREA_DIRECTORY);

/**
 * Reads and checks `<directory>/area.json`, with the map's bounds from its communes file when it gives none.
 * @throws Error naming the file and the first problem, e.g. "data/x/area.json: organisations.police.name: …"
 */
export function readAreaConfig(directory: string): AreaConfig {
  const path = join(directory, 'area.json');
  if (!existsSync(path)) throw new Error(`${path} is missing: prepare the area with npm run setup-area`);
  const parsed = areaSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${path}: ${issue.path.join('.') || '(root)'}: ${issue.message}`);
  }
  return { ...parsed.data, bounds: parsed.data.bounds ?? areaBounds(JSON.parse(readFileSync(join(directory, parsed.data.files.communes), 'utf8'))) };
}

let deployed: AreaConfig | undefined;

/** The area this process serves (`areaDirectory()`), read once: its names and today's organisations. */
export function deploymentArea(): AreaConfig {
  deployed ??= readAreaConfig(areaDirectory());
  return deployed;
}

/** Checks an area config built in memory (by setup-area) the same way as a file. */
export function checkAreaConfig(value: unknown): AreaConfig {
  return areaSchema.parse(value);
}
