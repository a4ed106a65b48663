import type { Language } from '../i18n/dictionary.ts';

/**
 * The fixed parts of a patrol plan printed as a document of the provincial police (Decree 30/2020/NĐ-CP); the bodies,
 * place and recipients come from the deployment's area (document-bodies.ts).
 */
export const PLAN_DOCUMENT = {
  vi: {
    kind: 'KẾ HOẠCH', signerTitle: 'GIÁM ĐỐC',
    subject: (name: string, from: string, to: string) => `Tuần tra, kiểm soát bảo vệ hạ tầng bưu chính, viễn thông: ${name} (từ ${from} đến ${to})`,
  },
  en: {
    kind: 'PLAN', signerTitle: 'DIRECTOR',
    subject: (name: string, from: string, to: string) => `Patrols protecting postal and telecom infrastructure: ${name} (${from} to ${to})`,
  },
} satisfies Record<Language, unknown>;
