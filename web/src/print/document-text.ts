import type { Language } from '../i18n/dictionary.ts';

/**
 * The fixed parts of a Vietnamese administrative document (Decree 30/2020/NĐ-CP, Appendix I), and their English
 * rendering for the English UI.
 */
export const DOCUMENT_TEXT = {
  vi: { nation: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', motto: 'Độc lập - Tự do - Hạnh phúc', number: 'Số', recipients: 'Nơi nhận', mapCaption: 'Bản đồ kèm theo' },
  en: { nation: 'SOCIALIST REPUBLIC OF VIETNAM', motto: 'Independence - Freedom - Happiness', number: 'No.', recipients: 'Recipients', mapCaption: 'Map' },
} as const;

const MONTHS_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/**
 * Place and date line: "Quảng Ngãi, ngày 01 tháng 12 năm 2026" — the decree writes days below 10 and months below 3
 * with a leading zero — or "Quang Ngai, 1 December 2026".
 * @param isoDay YYYY-MM-DD (Vietnam's calendar day)
 */
export function placeAndDate(place: string, isoDay: string, language: Language): string {
  const [year, month, day] = isoDay.split('-').map(Number);
  if (language === 'en') return `${place}, ${day} ${MONTHS_EN[month - 1]} ${year}`;
  const dd = String(day).padStart(2, '0');
  const mm = month < 3 ? String(month).padStart(2, '0') : String(month);
  return `${place}, ngày ${dd} tháng ${mm} năm ${year}`;
}

/** "Số: 15/BC-SKHCN", leaving the number blank (dotted) until the clerk gives one. */
export function numberAndSymbol(number: string, symbol: string, language: Language): string {
  return `${DOCUMENT_TEXT[language].number}: ${number.trim() || '   '}/${symbol}`;
}
