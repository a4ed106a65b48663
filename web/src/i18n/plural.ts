import type { Language } from './dictionary.ts';

/** Nouns counted in the UI: Vietnamese has one form, English one and other (CLDR plural rules). */
const NOUNS = {
  feature: { vi: 'đối tượng', one: 'feature', other: 'features' },
  incident: { vi: 'vụ việc', one: 'incident', other: 'incidents' },
  asset: { vi: 'tài sản', one: 'asset', other: 'assets' },
  problem: { vi: 'lỗi', one: 'problem', other: 'problems' },
} as const;

export type CountedNoun = keyof typeof NOUNS;

const rules = new Intl.PluralRules('en-GB');

/**
 * A count with its noun in the right form and the language's digit grouping.
 * @example countOf(1, 'feature', 'en') // "1 feature"
 * @example countOf(1234, 'feature', 'vi') // "1.234 đối tượng"
 */
export function countOf(count: number, noun: CountedNoun, language: Language): string {
  const number = count.toLocaleString(language === 'vi' ? 'vi-VN' : 'en-GB');
  const forms = NOUNS[noun];
  return `${number} ${language === 'vi' ? forms.vi : rules.select(count) === 'one' ? forms.one : forms.other}`;
}
