import { readFileSync, statSync } from 'node:fs';
import { relative } from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * The order test files start in (vite.config.ts `sequence.sequencer`): the longest first, so that the workers that
 * free up near the end take short files and no long one starts last on its own (the run then ends when its last
 * file does). Every file still runs, each in a process of its own; only the order changes.
 *
 * Where vitest's cache knows how long a file took (a local run after the first) that duration decides. Without it
 * (a fresh CI machine) a file's kind does: files that drive Chromium (1–7 min on 2 cores), then files that start
 * real servers, PostgreSQL clusters or GDAL (10–60 s), then the rest, each kind larger file first. Both projects'
 * files are ordered together (vitest's own order runs one project's files after the other's).
 */
const KINDS: RegExp[] = [/\blaunchChromium\(/, /\bstartServer\(|\bstartCluster\(|\bspawn\(|\bexecFile\(|ogr2ogr|ogrinfo/];

export class LongestFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const cache = this.ctx.cache;
    const duration = (spec: TestSpecification) => cache.getFileTestResults(`${spec.project.name}:${relative(this.ctx.config.root, spec.moduleId)}`)?.duration;
    const known = files.every((spec) => duration(spec) !== undefined);
    const sources = new Map<string, string>();
    const source = (spec: TestSpecification) => {
      if (!sources.has(spec.moduleId)) sources.set(spec.moduleId, readFileSync(spec.moduleId, 'utf8'));
      return sources.get(spec.moduleId)!;
    };
    const kind = (spec: TestSpecification) => {
      const index = KINDS.findIndex((pattern) => pattern.test(source(spec)));
      return index === -1 ? KINDS.length : index;
    };
    const weight = (spec: TestSpecification): [number, number] => (known ? [0, duration(spec)!] : [-kind(spec), statSync(spec.moduleId).size]);
    const weights = new Map(files.map((spec) => [spec, weight(spec)]));
    return [...files].sort((a, b) => {
      const [kindA, sizeA] = weights.get(a)!;
      const [kindB, sizeB] = weights.get(b)!;
      return kindB - kindA || sizeB - sizeA;
    });
  }
}
