import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateDemoWithClusters, type DemoDataset, type PlantedCluster } from '../../scripts/generator/index.ts';
import { oncePerRun, runCacheDirectory } from './run-cache.ts';

type Demo = { dataset: DemoDataset; clusters: PlantedCluster[] };

/**
 * The demo generator's default output (`generateDemoWithClusters()`), generated once per test run: it takes about
 * 7.5 s, and fifteen API test files asked for the same one. Each call returns a fresh copy (parsed from the run's
 * file), so a test that changes its dataset changes only its own.
 */
export async function demoWithClusters(): Promise<Demo> {
  if (!runCacheDirectory()) return generateDemoWithClusters();
  const directory = await oncePerRun('demo-dataset', (made) => writeFileSync(join(made, 'demo.json'), JSON.stringify(generateDemoWithClusters())));
  return JSON.parse(readFileSync(join(directory, 'demo.json'), 'utf8')) as Demo;
}

/** The default demo dataset, generated once per test run (see demoWithClusters). */
export const demoDataset = async (): Promise<DemoDataset> => (await demoWithClusters()).dataset;
