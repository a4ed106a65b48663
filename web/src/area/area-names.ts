import type { Language } from '../i18n/dictionary.ts';
import type { PublicArea, PublicOrganisation } from './area-api.ts';

/**
 * Capitals as a Vietnamese heading writes them ("Sở Khoa học" → "SỞ KHOA HỌC"), in NFC: text typed with combining
 * marks (NFD) gets the same letters as text typed precomposed.
 */
export function upperCase(text: string, language: Language): string {
  return text.normalize('NFC').toLocaleUpperCase(language === 'vi' ? 'vi' : 'en').normalize('NFC');
}

/** A configured name in the UI language, NFC. */
export const nameIn = (named: { name: string; nameEn: string }, language: Language): string => (language === 'vi' ? named.name : named.nameEn).normalize('NFC');

/** "NetGuard Kon Tum" for the deployment's area; plain "NetGuard" until the area is known. */
export function appTitle(area: PublicArea | undefined, language: Language): string {
  return area ? `NetGuard ${nameIn(area, language)}` : 'NetGuard';
}

/**
 * An organisation named as it is today with its former name noted once: "Sở Khoa học và Công nghệ tỉnh Quảng Ngãi
 * (trước đây: Sở Thông tin và Truyền thông tỉnh Kon Tum)". Empty for a body whose name has not changed.
 */
export function formerNameNote(organisation: PublicOrganisation, language: Language): string {
  const former = language === 'vi' ? organisation.formerName : organisation.formerNameEn;
  if (!former) return '';
  return language === 'vi' ? `${nameIn(organisation, language)} (trước đây: ${former.normalize('NFC')})` : `${nameIn(organisation, language)} (formerly ${former.normalize('NFC')})`;
}

/**
 * The names the citizens' hotline speaks of: the police it reports to and the area it covers. Before the area is
 * known (its request is still on the way) they read generically rather than naming a wrong province.
 */
export function hotlineNames(area: PublicArea | undefined, language: Language): { police: string; area: string } {
  if (language === 'vi') return { police: area ? nameIn(area.organisations.police, 'vi') : 'Công an', area: area ? nameIn(area, 'vi') : 'phục vụ' };
  return { police: area ? nameIn(area.organisations.police, 'en') : 'the police', area: area ? `the ${nameIn(area, 'en')} area` : 'the area served' };
}
