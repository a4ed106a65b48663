import type { PropertyDef } from '../../../server/collections/types.ts';

/** What a form field holds: text for inputs and selects, a flag for checkboxes, a list for multi-choice. */
export type FieldValue = string | boolean | string[];
export type FormValues = Record<string, FieldValue>;
export type FieldProblem = { name: string; message: 'required' | 'number' | 'integer' };

/** Form values from stored properties (absent values become empty fields). */
export function toFormValues(definitions: readonly PropertyDef[], properties: Record<string, unknown>): FormValues {
  return Object.fromEntries(definitions.map((definition) => {
    const value = properties[definition.name];
    if (definition.type === 'boolean') return [definition.name, value === true];
    if (definition.type === 'text[]') return [definition.name, Array.isArray(value) ? value.map(String) : []];
    if (definition.type === 'datetime' && typeof value === 'string') return [definition.name, value.slice(0, 16)];
    return [definition.name, value === null || value === undefined ? '' : String(value)];
  }));
}

/**
 * Typed properties from form values, with the problems a user can fix before sending: required fields left empty,
 * numbers that are not numbers. Text is trimmed and NFC-normalised; empty optional fields become null.
 */
export function fromFormValues(definitions: readonly PropertyDef[], values: FormValues): { properties: Record<string, unknown>; problems: FieldProblem[] } {
  const properties: Record<string, unknown> = {};
  const problems: FieldProblem[] = [];
  for (const definition of definitions) {
    const raw = values[definition.name];
    if (definition.type === 'boolean') {
      properties[definition.name] = raw === true;
      continue;
    }
    if (definition.type === 'text[]') {
      const list = Array.isArray(raw) ? raw : [];
      if (definition.required && list.length === 0) problems.push({ name: definition.name, message: 'required' });
      properties[definition.name] = list;
      continue;
    }
    const text = typeof raw === 'string' ? raw.trim().normalize('NFC') : '';
    if (text === '') {
      if (definition.required) problems.push({ name: definition.name, message: 'required' });
      properties[definition.name] = null;
      continue;
    }
    if (definition.type === 'integer' || definition.type === 'real') {
      const number = Number(text.replace(',', '.'));
      if (!Number.isFinite(number)) problems.push({ name: definition.name, message: 'number' });
      else if (definition.type === 'integer' && !Number.isInteger(number)) problems.push({ name: definition.name, message: 'integer' });
      properties[definition.name] = number;
    } else if (definition.type === 'datetime') {
      // datetime-local gives wall-clock time in Vietnam (UTC+7).
      properties[definition.name] = new Date(`${text}:00+07:00`).toISOString();
    } else {
      properties[definition.name] = text;
    }
  }
  return { properties, problems };
}
