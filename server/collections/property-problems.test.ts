import { describe, expect, it } from 'vitest';
import { btsSites } from './bts-sites.ts';
import { propertyProblems } from './property-problems.ts';

describe('propertyProblems', () => {
  it('accepts a complete, well-typed site', () => {
    expect(propertyProblems(btsSites, { site_code: 'A1', owner: 'vnpt', technologies: ['4G'], status: 'active', tower_height_m: 30 })).toEqual([]);
  });

  it('lists every problem with its path, not just the first', () => {
    const problems = propertyProblems(btsSites, { site_code: 7, owner: 'acme', technologies: ['6G'], colour: 'red' });
    expect(problems.map((problem) => problem.path).sort()).toEqual(
      ['properties.colour', 'properties.owner', 'properties.site_code', 'properties.status', 'properties.technologies'].sort(),
    );
    expect(problems.find((problem) => problem.path === 'properties.owner')?.message).toMatch(/not one of/);
  });
});
