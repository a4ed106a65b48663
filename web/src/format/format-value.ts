import type { PropertyDef } from '../../../server/collections/types.ts';
import type { Language } from '../i18n/dictionary.ts';
import { vocabularyLabel } from '../i18n/vocabulary-labels.ts';

const NUMBER = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 });
const VND = new Intl.NumberFormat('vi-VN', { style: 'currency', currency: 'VND', maximumFractionDigits: 0 });
const pad = (value: number) => String(value).padStart(2, '0');

/** dd/mm/yyyy, and hh:mm for datetimes, in Vietnam time (UTC+7). */
function formatDate(value: string, withTime: boolean): string {
  if (!withTime && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const [year, month, day] = value.split('-');
    return `${day}/${month}/${year}`;
  }
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  const local = new Date(date.getTime() + 7 * 3600_000);
  const day = `${pad(local.getUTCDate())}/${pad(local.getUTCMonth() + 1)}/${local.getUTCFullYear()}`;
  return withTime ? `${day} ${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}` : day;
}

/** An ISO instant as dd/mm/yyyy hh:mm in Vietnam time, or a YYYY-MM-DD day as dd/mm/yyyy (histories, logs, lists). */
export const formatWhen = (value: string): string => formatDate(value, !/^\d{4}-\d{2}-\d{2}$/.test(value));

/**
 * Formats a property value for the feature panel: Vietnamese number separators, VND currency, dd/mm/yyyy dates,
 * translated vocabulary codes. Empty values give "—".
 */
export function formatValue(definition: PropertyDef, value: unknown, language: Language, yesNo: [string, string]): string {
  if (value === null || value === undefined || value === '') return '—';
  if (definition.type === 'boolean') return value === true || value === 1 || value === 'true' ? yesNo[0] : yesNo[1];
  if (definition.type === 'date' || definition.type === 'datetime') return formatDate(String(value), definition.type === 'datetime');
  if (definition.type === 'integer' || definition.type === 'real') {
    const number = Number(value);
    if (Number.isNaN(number)) return String(value);
    if (definition.name.endsWith('_vnd')) return VND.format(number);
    if (definition.name.startsWith('year_')) return String(number);
    return NUMBER.format(number);
  }
  if (definition.type === 'text[]') {
    const items = Array.isArray(value) ? value : typeof value === 'string' ? (JSON.parse(value) as unknown[]) : [value];
    return items.map((item) => vocabularyLabel(String(item), language)).join(', ');
  }
  return definition.values ? vocabularyLabel(String(value), language) : String(value);
}
