import type { CollectionDef, PropertyDef } from './types.ts';

export type Problem = { path: string; message: string };

function valueProblem(def: PropertyDef, value: unknown): string | null {
  if (value === null || value === undefined || value === '') return def.required ? 'required' : null;
  const is = (ok: boolean, expected: string) => (ok ? null : `${expected} expected, got ${JSON.stringify(value)}`);
  switch (def.type) {
    case 'text':
      if (typeof value !== 'string') return is(false, 'text');
      if (value.length > 2000) return 'at most 2000 characters';
      return def.values && !def.values.includes(value.normalize('NFC')) ? `"${value}" is not one of ${def.values.join(', ')}` : null;
    case 'date':
      return is(typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value)), 'date YYYY-MM-DD');
    case 'datetime':
      return is(typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(value) && !Number.isNaN(Date.parse(value)), 'ISO 8601 date-time');
    case 'integer':
      return is(Number.isSafeInteger(value), 'integer');
    case 'real':
      return is(typeof value === 'number' && Number.isFinite(value), 'number');
    case 'boolean':
      return is(typeof value === 'boolean', 'true or false');
    case 'text[]': {
      if (!Array.isArray(value) || !value.every((item) => typeof item === 'string')) return is(false, 'list of text');
      if (def.required && value.length === 0) return 'required';
      const unknown = value.find((item) => def.values && !def.values.includes(item));
      return unknown === undefined ? null : `"${unknown}" is not one of ${def.values?.join(', ')}`;
    }
  }
}

/**
 * Every problem with a feature's properties against its collection: unknown names, missing required values, wrong
 * types, values outside a vocabulary. Returns them all (not the first), each with its path.
 * @param ignore properties the caller fills itself (e.g. computed lengths), skipped here
 */
export function propertyProblems(collection: CollectionDef, properties: Record<string, unknown>, path = 'properties', ignore: readonly string[] = []): Problem[] {
  const problems: Problem[] = [];
  for (const name of Object.keys(properties)) {
    if (!collection.properties.some((def) => def.name === name)) problems.push({ path: `${path}.${name}`, message: `unknown property of ${collection.id}` });
  }
  for (const def of collection.properties) {
    if (ignore.includes(def.name)) continue;
    const message = valueProblem(def, properties[def.name]);
    if (message) problems.push({ path: `${path}.${def.name}`, message });
  }
  return problems;
}
