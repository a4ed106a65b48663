/**
 * The whole number of đồng a person typed, with or without thousands separators (`2.500.000`, `2,500,000`,
 * `2 500 000`, `2500000`); null for anything else (letters, decimals such as `2.5`, zero).
 * @example parseVndAmount('2.500.000') // 2500000
 */
export function parseVndAmount(typed: string): number | null {
  const text = typed.trim();
  // Groups of three after the first one to three digits, all separated by one kind of separator, or no separator.
  const grouped = /^\d{1,3}(?:([.,\s])\d{3})?(?:\1\d{3})*$/.test(text);
  if (!grouped && !/^\d+$/.test(text)) return null;
  const amount = Number(text.replace(/[.,\s]/g, ''));
  return Number.isSafeInteger(amount) && amount > 0 ? amount : null;
}
