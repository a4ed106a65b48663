import { nameIn, upperCase, formerNameNote } from '../area/area-names.ts';
import type { PublicArea, PublicOrganisation } from '../area/area-api.ts';
import type { Language } from '../i18n/dictionary.ts';
import type { DocumentFrame } from './OfficialDocument.tsx';

type Named = { name: string; nameEn: string };
/** National bodies: the same whatever the province. The Ministry of Information and Communications merged into Science and Technology on 1 March 2025. */
const MINISTRY_OF_PUBLIC_SECURITY: Named = { name: 'Bộ Công an', nameEn: 'Ministry of Public Security' };
const MINISTRY_OF_SCIENCE: Named = { name: 'Bộ Khoa học và Công nghệ', nameEn: 'Ministry of Science and Technology' };

/** The parts of a document's heading that name who issues it, where and under which number. */
export type DocumentBodies = Pick<DocumentFrame, 'parentBody' | 'issuingBody' | 'symbol' | 'place' | 'note'>;

/** Decree 30/2020/NĐ-CP, Appendix I: a parent body's name may shorten the common "Ủy ban nhân dân" and "Hội đồng nhân dân". */
function abbreviated(name: string): string {
  return name.normalize('NFC').replace(/^(Ủy|Uỷ) ban nhân dân/u, 'UBND').replace(/^Hội đồng nhân dân/u, 'HĐND');
}

/**
 * The issuing body without the locality its parent already names: "Sở Khoa học và Công nghệ" under "UBND tỉnh
 * Quảng Ngãi", but "Công an tỉnh Quảng Ngãi" in full under "Bộ Công an".
 */
function underParent(issuer: string, parent: string, province: Named, language: Language): string {
  if (language === 'en') {
    const head = `${province.nameEn} `;
    return issuer.startsWith(head) && parent.startsWith(head) ? issuer.slice(head.length) : issuer;
  }
  const tail = ['tỉnh', 'thành phố'].map((unit) => ` ${unit} ${province.name.normalize('NFC')}`).find((candidate) => issuer.endsWith(candidate) && parent.endsWith(candidate));
  return tail ? issuer.slice(0, -tail.length) : issuer;
}

/** The body's abbreviation in symbols: configured (Decree 30 leaves it to the body), else the initials of its name before the locality. */
function symbolOf(organisation: PublicOrganisation): string {
  if (organisation.symbol) return organisation.symbol;
  const name = organisation.name.normalize('NFC').replace(/\s(tỉnh|thành phố)\s.*$/u, '');
  const letters = name.split(/\s+/).filter((word) => word && word !== 'và').map((word) => word[0]);
  // Tone and vowel marks go (Ủy → U), Đ stays: it is a letter of its own.
  return letters.join('').normalize('NFD').replace(/[\u0300-\u036f]/g, '').normalize('NFC').toLocaleUpperCase('vi');
}

/** The place before the date: the configured one; in English the province's English name when it is the province. */
function placeIn(area: PublicArea, language: Language): string {
  return language === 'en' && area.place === area.province.name ? area.province.nameEn : area.place.normalize('NFC');
}

function bodies(area: PublicArea, parent: Named, issuer: PublicOrganisation, kindCode: string, language: Language): DocumentBodies {
  const parentName = nameIn(parent, language);
  return {
    parentBody: upperCase(language === 'vi' ? abbreviated(parentName) : parentName, language),
    issuingBody: upperCase(underParent(nameIn(issuer, language), parentName, area.province, language), language),
    symbol: `${kindCode}-${symbolOf(issuer)}`,
    place: placeIn(area, language),
    note: formerNameNote(issuer, language),
  };
}

/** The six-monthly report: the department (today Science and Technology) under the provincial People's Committee. */
export const reportBodies = (area: PublicArea, language: Language): DocumentBodies =>
  bodies(area, area.organisations.committee, area.organisations.department, 'BC', language);

/** A patrol plan: the provincial police under the Ministry of Public Security. */
export const planBodies = (area: PublicArea, language: Language): DocumentBodies =>
  bodies(area, MINISTRY_OF_PUBLIC_SECURITY, area.organisations.police, 'KH', language);

const list = (lines: string[]) => lines.map((line) => `- ${line}`).join('\n');

/** The report's default recipients (Nơi nhận), one a line, naming today's bodies. */
export function reportRecipients(area: PublicArea, language: Language): string {
  const { committee, police } = area.organisations;
  return language === 'vi'
    ? list([`${abbreviated(committee.name)} (để báo cáo);`, `${MINISTRY_OF_SCIENCE.name} (để báo cáo);`, `${nameIn(police, 'vi')};`, 'Các doanh nghiệp bưu chính, viễn thông trên địa bàn;', 'Lưu: VT, BCVT.'])
    : list([`${committee.nameEn} (for report);`, `${MINISTRY_OF_SCIENCE.nameEn} (for report);`, `${police.nameEn};`, 'Postal and telecom carriers in the area;', 'Filed: Office, Post and Telecom.']);
}

/** A patrol plan's default recipients, naming today's department it coordinates with. */
export function planRecipients(area: PublicArea, language: Language): string {
  const { department } = area.organisations;
  return language === 'vi'
    ? list(['Giám đốc Công an tỉnh (để báo cáo);', 'Các đơn vị được giao nhiệm vụ tuần tra;', `${nameIn(department, 'vi')} (để phối hợp);`, 'Lưu: VT, PA05.'])
    : list(['Director of the Provincial Police (for report);', 'Units tasked with the patrols;', `${department.nameEn} (for coordination);`, 'Filed: Office, PA05.']);
}
