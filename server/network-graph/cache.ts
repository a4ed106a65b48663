import type { Feature, LineString, MultiLineString, Point } from 'geojson';
import { networkKey, type ChangeCounters } from '../storage/change-counters.ts';
import type { FeatureStore, StoredFeature } from '../storage/features.ts';
import type { AppWorkPool } from '../work/app-pool.ts';
import type { Network, NetworkInput } from './index.ts';

/** A carrier's graph and the stored features its nodes stand for, keyed `collection/id` as the graph's asset ids. */
export type CarrierNetwork = { network: Network; features: Map<string, StoredFeature>; version: number };

const ALL = 1_000_000;

/**
 * One graph per carrier, built from its cable routes, sites and facilities on first use and kept until that carrier's
 * network changes (its `network:<owner>` counter, bumped by the database on every write to those tables): an edit to
 * one carrier's network rebuilds that carrier's graph only. The store is read here; the build (snapping and joining
 * thousands of spans) runs in the work pool under its time budget, and requests that arrive during a build share it.
 */
export function createNetworkCache(features: FeatureStore, counters: ChangeCounters, work: AppWorkPool) {
  const graphs = new Map<string, { version: number; graph: Promise<CarrierNetwork> }>();
  let builds = 0;
  const build = async (owner: string, version: number): Promise<CarrierNetwork> => {
    builds++;
    const own = { filters: [{ property: 'owner', value: owner }], limit: ALL, offset: 0 };
    const cables = (await features.query('cable_routes', own)).features as unknown as NetworkInput['cables'];
    const byKey = new Map<string, StoredFeature>();
    for (const collection of ['bts_sites', 'facilities']) for (const feature of (await features.query(collection, own)).features) byKey.set(`${collection}/${feature.id}`, feature);
    const nodes = [...byKey].map(([key, feature]) => ({ ...feature, id: key })) as unknown as Feature<Point, { owner: string }>[];
    return { network: await work.run('networkGraph', { cables: cables as Feature<LineString | MultiLineString, { owner: string }>[], nodes }), features: byKey, version };
  };
  return {
    /** The carrier's graph, rebuilt only when its network changed since the last build. */
    async network(owner: string): Promise<CarrierNetwork> {
      const version = await counters.version(networkKey(owner));
      const cached = graphs.get(owner);
      if (cached && cached.version === version) return cached.graph;
      const graph = build(owner, version);
      graphs.set(owner, { version, graph });
      // A failed build (busy pool, budget) is not kept: the next request tries again.
      graph.catch(() => { if (graphs.get(owner)?.graph === graph) graphs.delete(owner); });
      return graph;
    },
    /** How many graphs were built so far (for tests of the cache). */
    builds: () => builds,
  };
}
export type NetworkCache = ReturnType<typeof createNetworkCache>;
