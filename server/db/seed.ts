import type { FeatureCollection } from 'geojson';
import type { FeatureProvider } from '../storage/provider.ts';

/**
 * Loads a demo dataset (collection id → FeatureCollection whose features carry integer ids) in one transaction.
 * @returns the number of features per collection and the time taken in milliseconds
 */
export function seedDemo(
  provider: FeatureProvider,
  dataset: Record<string, FeatureCollection>,
): { counts: Record<string, number>; elapsedMs: number } {
  const started = performance.now();
  provider.insertDataset(dataset);
  const counts = Object.fromEntries(Object.entries(dataset).map(([id, collection]) => [id, collection.features.length]));
  return { counts, elapsedMs: Math.round(performance.now() - started) };
}
