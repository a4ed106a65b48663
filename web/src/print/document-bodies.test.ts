import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { PublicArea, PublicOrganisation } from '../area/area-api.ts';
import { upperCase } from '../area/area-names.ts';
import { planBodies, planRecipients, reportBodies, reportRecipients } from './document-bodies.ts';

/** The shipped deployment's area as GET /api/area serves it (its names and organisations are the file's). */
const shipped = JSON.parse(readFileSync(new URL('../../../data/kontum/area.json', import.meta.url), 'utf8')) as PublicArea;

const withDepartment = (department: PublicOrganisation): PublicArea => ({ ...shipped, organisations: { ...shipped.organisations, department } });

describe('the issuing bodies of the printed documents (Decree 30/2020/NĐ-CP), from the area', () => {
  it('heads the report with the People’s Committee above today’s department, its symbol and its former name noted', () => {
    expect(reportBodies(shipped, 'vi')).toEqual({
      parentBody: 'UBND TỈNH QUẢNG NGÃI', issuingBody: 'SỞ KHOA HỌC VÀ CÔNG NGHỆ', symbol: 'BC-SKHCN', place: 'Quảng Ngãi',
      note: 'Sở Khoa học và Công nghệ tỉnh Quảng Ngãi (trước đây: Sở Thông tin và Truyền thông tỉnh Kon Tum)',
    });
    expect(reportBodies(shipped, 'en')).toEqual({
      parentBody: "QUANG NGAI PROVINCIAL PEOPLE'S COMMITTEE", issuingBody: 'DEPARTMENT OF SCIENCE AND TECHNOLOGY', symbol: 'BC-SKHCN', place: 'Quang Ngai',
      note: 'Quang Ngai Department of Science and Technology (formerly Kon Tum Department of Information and Communications)',
    });
  });

  it('heads the patrol plan with the Ministry of Public Security above the provincial police, named in full', () => {
    expect(planBodies(shipped, 'vi')).toMatchObject({ parentBody: 'BỘ CÔNG AN', issuingBody: 'CÔNG AN TỈNH QUẢNG NGÃI', symbol: 'KH-CAT', note: 'Công an tỉnh Quảng Ngãi (trước đây: Công an tỉnh Kon Tum)' });
    expect(planBodies(shipped, 'en')).toMatchObject({ parentBody: 'MINISTRY OF PUBLIC SECURITY', issuingBody: 'QUANG NGAI PROVINCIAL POLICE' });
  });

  it('addresses today’s bodies and no longer the Ministry or Department of Information and Communications', () => {
    expect(reportRecipients(shipped, 'vi').split('\n')).toEqual([
      '- UBND tỉnh Quảng Ngãi (để báo cáo);', '- Bộ Khoa học và Công nghệ (để báo cáo);', '- Công an tỉnh Quảng Ngãi;',
      '- Các doanh nghiệp bưu chính, viễn thông trên địa bàn;', '- Lưu: VT, BCVT.',
    ]);
    expect(planRecipients(shipped, 'vi')).toContain('- Sở Khoa học và Công nghệ tỉnh Quảng Ngãi (để phối hợp);');
    for (const text of [reportRecipients(shipped, 'vi'), planRecipients(shipped, 'vi'), reportRecipients(shipped, 'en'), planRecipients(shipped, 'en')]) {
      expect(text).not.toMatch(/Thông tin và Truyền thông|Information and Communications/);
    }
  });

  it('writes Vietnamese capitals in NFC whether the name was typed precomposed or with combining marks', () => {
    const decomposed = 'Sở Khoa học và Công nghệ tỉnh Đắk Lắk'.normalize('NFD');
    expect(upperCase(decomposed, 'vi')).toBe('SỞ KHOA HỌC VÀ CÔNG NGHỆ TỈNH ĐẮK LẮK');
    expect(upperCase(decomposed, 'vi')).toBe(upperCase(decomposed, 'vi').normalize('NFC'));
    const area: PublicArea = { ...shipped, organisations: { ...shipped.organisations, committee: { name: 'Uỷ ban nhân dân tỉnh Quảng Ngãi'.normalize('NFD'), nameEn: "Quang Ngai Provincial People's Committee" } } };
    expect(reportBodies(area, 'vi').parentBody).toBe('UBND TỈNH QUẢNG NGÃI');
  });

  it('takes the initials of the body’s name before its locality as its symbol when the area sets none (Đ kept, tone marks dropped)', () => {
    expect(reportBodies(withDepartment({ name: 'Sở Khoa học và Công nghệ tỉnh Quảng Ngãi', nameEn: 'Quang Ngai Department of Science and Technology' }), 'vi').symbol).toBe('BC-SKHCN');
    expect(reportBodies(withDepartment({ name: 'Đài Phát thanh và Truyền hình tỉnh Quảng Ngãi', nameEn: 'Quang Ngai Radio and Television' }), 'vi').symbol).toBe('BC-ĐPTTH');
    expect(reportBodies(withDepartment({ name: 'Ủy ban An toàn giao thông tỉnh Quảng Ngãi', nameEn: 'Quang Ngai Traffic Safety Committee' }), 'vi').symbol).toBe('BC-UBATGT');
  });
});
