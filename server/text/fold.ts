/**
 * Folds text for case- and diacritic-insensitive search: NFD, strip combining marks, đ→d, lowercase,
 * punctuation (including apostrophes, as in "Ia H' Drai") → space, collapse spaces.
 * @example fold("Đắk Glei") // "dak glei"
 */
export function fold(text: string): string {
  return text
    .normalize('NFC')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Folded text with every space removed, so "iahdrai" finds "Ia H' Drai" and "Ia H'Drai". */
export function compact(text: string): string {
  return fold(text).replaceAll(' ', '');
}
