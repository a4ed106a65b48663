import ExcelJS from 'exceljs';
// The UI's labels of vocabulary codes are their one home; an export speaks the reader's language like the screen.
import { vocabularyLabel } from '../../web/src/i18n/vocabulary-labels.ts';
import { csvField } from '../exports/patrol-plan.ts';
import type { RegisterRow } from '../storage/case-files.ts';
import type { PlaceIndex } from './places.ts';

type Language = 'vi' | 'en';
type Column = { vi: string; en: string; value: (row: RegisterRow, language: Language) => string | number | Date | null; widthChars: number; date?: boolean };

const label = (code: string | null, language: Language) => (code === null ? null : vocabularyLabel(code, language));
/** An ISO instant as the wall-clock time in Vietnam (UTC+7), which is what a spreadsheet should show. */
const vietnamTime = (iso: string): Date => new Date(Date.parse(iso) + 7 * 3_600_000);
const vietnamText = (iso: string): string => vietnamTime(iso).toISOString().slice(0, 16).replace('T', ' ');

function columns(places: PlaceIndex): Column[] {
  const yes = (value: boolean, language: Language) => (value ? (language === 'vi' ? 'Có' : 'Yes') : (language === 'vi' ? 'Không' : 'No'));
  return [
    { vi: 'Số vụ việc', en: 'Incident no.', value: (row) => row.id, widthChars: 10 },
    { vi: 'Loại', en: 'Type', value: (row, l) => label(row.type, l), widthChars: 22 },
    { vi: 'Trạng thái', en: 'Status', value: (row, l) => label(row.status, l), widthChars: 16 },
    { vi: 'Nguồn tin', en: 'Source', value: (row, l) => label(row.source, l), widthChars: 20 },
    { vi: 'Thời điểm xảy ra', en: 'Occurred at', value: (row) => row.occurredAt, widthChars: 17, date: true },
    { vi: 'Thời điểm báo tin', en: 'Reported at', value: (row) => row.reportedAt, widthChars: 17, date: true },
    { vi: 'Huyện (cũ)', en: 'Former district', value: (row) => places.districtName(row.districtCode), widthChars: 16 },
    { vi: 'Xã/phường', en: 'Commune', value: (row) => places.communeAt(row.lon, row.lat)?.name ?? null, widthChars: 18 },
    { vi: 'Doanh nghiệp', en: 'Carrier', value: (row, l) => label(row.assetOwner, l), widthChars: 14 },
    { vi: 'Tài sản liên quan', en: 'Linked asset', value: (row, l) => (row.assetCollection ? `${label(row.assetCollection, l)} ${row.assetLabel ?? `#${row.assetId}`}` : null), widthChars: 24 },
    { vi: 'Mã tin báo', en: 'Hotline code', value: (row) => row.trackingCode, widthChars: 14 },
    { vi: 'Cán bộ phụ trách', en: 'Assigned officer', value: (row) => row.officer, widthChars: 14 },
    { vi: 'Hạn xử lý', en: 'Due', value: (row) => row.dueDate, widthChars: 11 },
    { vi: 'Quá hạn', en: 'Overdue', value: (row, l) => yes(row.overdue, l), widthChars: 8 },
    { vi: 'Kinh độ', en: 'Longitude', value: (row) => row.lon, widthChars: 11 },
    { vi: 'Vĩ độ', en: 'Latitude', value: (row) => row.lat, widthChars: 10 },
    { vi: 'Mô tả', en: 'Description', value: (row) => row.description, widthChars: 50 },
  ];
}

/**
 * The filtered register as CSV: a BOM so spreadsheets read UTF-8 Vietnamese, headers in the reader's language;
 * `csvField` keeps text that starts like a formula from running (OWASP CSV injection).
 */
export function registerCsv(rows: readonly RegisterRow[], places: PlaceIndex, language: Language): string {
  const table = columns(places);
  const header = table.map((column) => column[language]).map(csvField).join(',');
  const lines = rows.map((row) => table.map((column) => {
    const value = column.value(row, language);
    return csvField(column.date && typeof value === 'string' ? vietnamText(value) : value);
  }).join(','));
  return `\uFEFF${[header, ...lines].join('\r\n')}\r\n`;
}

/** The filtered register as an Excel workbook (ExcelJS): one sheet, a frozen bold header, real date cells in Vietnam time. */
export async function registerXlsx(rows: readonly RegisterRow[], places: PlaceIndex, language: Language, now: Date): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'NetGuard';
  workbook.created = now;
  const sheet = workbook.addWorksheet(language === 'vi' ? 'Vụ việc' : 'Incidents', { views: [{ state: 'frozen', ySplit: 1 }] });
  const table = columns(places);
  sheet.columns = table.map((column, index) => ({ header: column[language], key: String(index), width: column.widthChars, ...(column.date ? { style: { numFmt: 'dd/mm/yyyy hh:mm' } } : {}) }));
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) {
    sheet.addRow(table.map((column) => {
      const value = column.value(row, language);
      return column.date && typeof value === 'string' ? vietnamTime(value) : value;
    }));
  }
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: table.length } };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
