import type { Language } from '../i18n/dictionary.ts';

/** The parts of a patrol plan printed as a document of the provincial police (Decree 30/2020/NĐ-CP). */
export const PLAN_DOCUMENT = {
  vi: {
    parentBody: 'BỘ CÔNG AN', issuingBody: 'CÔNG AN TỈNH KON TUM', kind: 'KẾ HOẠCH', signerTitle: 'GIÁM ĐỐC',
    subject: (name: string, from: string, to: string) => `Tuần tra, kiểm soát bảo vệ hạ tầng bưu chính, viễn thông: ${name} (từ ${from} đến ${to})`,
    recipients: '- Giám đốc Công an tỉnh (để báo cáo);\n- Các đơn vị được giao nhiệm vụ tuần tra;\n- Sở Thông tin và Truyền thông (để phối hợp);\n- Lưu: VT, PA05.',
  },
  en: {
    parentBody: 'MINISTRY OF PUBLIC SECURITY', issuingBody: 'KON TUM PROVINCIAL POLICE', kind: 'PLAN', signerTitle: 'DIRECTOR',
    subject: (name: string, from: string, to: string) => `Patrols protecting postal and telecom infrastructure: ${name} (${from} to ${to})`,
    recipients: '- Director of the Provincial Police (for report);\n- Units tasked with the patrols;\n- Department of Information and Communications (for coordination);\n- Filed: Office, PA05.',
  },
} satisfies Record<Language, unknown>;
