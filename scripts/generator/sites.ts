import * as turf from '@turf/turf';
import type { Position } from 'geojson';
import type { Owner } from '../../server/collections/vocabulary.ts';
import type { BaseData } from './base.ts';
import { drawInside, pointNear, type CommuneLocator } from './geo.ts';
import type { CableDraft } from './network.ts';
import type { Rng } from '../../server/analysis/prng/index.ts';
import type { DemoProperties, Town } from './types.ts';

export type PointDraft = { position: Position; properties: DemoProperties };
type Setting = 'city' | 'town' | 'rural';

const OWNER_WEIGHTS = [['viettel', 36], ['vnpt', 28], ['mobifone', 24], ['fpt', 12]] as const;
const OWNER_CODE: Record<string, string> = { viettel: 'VTL', vnpt: 'VNP', mobifone: 'MBF', fpt: 'FPT' };

function technologies(rng: Rng, setting: Setting): string[] {
  const list: string[] = [];
  if (rng.chance(setting === 'rural' ? 0.7 : 0.4)) list.push('2G');
  if (rng.chance(0.55)) list.push('3G');
  if (rng.chance(setting === 'rural' ? 0.85 : 0.98)) list.push('4G');
  if (setting === 'city' && rng.chance(0.3)) list.push('5G');
  return list.length > 0 ? list : ['4G'];
}

function tower(rng: Rng, setting: Setting): { type: string; heightM: number } {
  const type = setting === 'city'
    ? rng.weighted([['rooftop', 45], ['monopole', 30], ['camouflaged', 15], ['lattice', 10]] as const)
    : rng.weighted([['lattice', 45], ['guyed', 25], ['monopole', 25], ['rooftop', 5]] as const);
  const heights: Record<string, [number, number]> = {
    rooftop: [6, 15], monopole: [20, 36], camouflaged: [15, 25], lattice: [30, 60], guyed: [30, 50],
  };
  const [low, high] = heights[type];
  return { type, heightM: Math.round(rng.range(low, high) * 10) / 10 };
}

function siteProperties(rng: Rng, owner: Owner, setting: Setting, communeCode: string): DemoProperties {
  const shape = tower(rng, setting);
  return {
    site_code: '',
    owner,
    technologies: technologies(rng, setting),
    tower_type: shape.type,
    tower_height_m: shape.heightM,
    backup_power: rng.weighted([['battery', 55], ['battery_generator', 25], ['generator', 10], ['none', 10]] as const),
    alarm_equipped: rng.chance(setting === 'rural' ? 0.5 : 0.75),
    status: rng.weighted([['active', 92], ['planned', 6], ['retired', 2]] as const),
    commune_code: communeCode,
    // Set by connectAssets once the network is known: a fibre drop or a microwave link from another site.
    backhaul: null,
    backhaul_site_code: null,
  };
}

/** Where a site goes: commune centres first, then towns (denser in the city), then along the cable routes. */
function placement(rng: Rng, index: number, base: BaseData, towns: Town[], cables: CableDraft[]): { draw: () => Position; setting: Setting } {
  const centres = base.centres.features;
  if (index < centres.length * 2) return { draw: () => pointNear(rng, centres[index % centres.length].geometry.coordinates, 1.5), setting: 'rural' };
  const roll = rng.next();
  if (roll < 0.3) return { draw: () => pointNear(rng, towns.find((town) => town.rank === 'city')!.centre, 6), setting: 'city' };
  if (roll < 0.55) return { draw: () => pointNear(rng, rng.pick(towns).centre, 3), setting: 'town' };
  const road = rng.pick(cables.filter((cable) => cable.properties.tier !== 'access'));
  return {
    draw: () => {
      const line = turf.lineString(road.coordinates);
      const along = turf.along(line, rng.range(0, turf.length(line))).geometry.coordinates;
      return pointNear(rng, along, 0.3);
    },
    setting: 'rural',
  };
}

/** BTS sites with carrier shares, technologies and towers typical of city, town and rural settings. */
export function buildSites(rng: Rng, base: BaseData, locate: CommuneLocator, towns: Town[], cables: CableDraft[], count: number): PointDraft[] {
  const sites: PointDraft[] = [];
  const sequence: Record<string, number> = {};
  for (let index = 0; sites.length < count && index < count * 3; index += 1) {
    const { draw, setting } = placement(rng, index, base, towns, cables);
    const found = drawInside(locate, draw);
    if (!found) continue;
    const owner = rng.weighted(OWNER_WEIGHTS);
    const properties = siteProperties(rng, owner, setting, found.commune.code);
    sequence[owner] = (sequence[owner] ?? 0) + 1;
    properties.site_code = `KTM-${OWNER_CODE[owner]}-${String(sequence[owner]).padStart(4, '0')}`;
    sites.push({ position: found.position, properties });
  }
  return sites;
}
