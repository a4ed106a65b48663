import { outbox, type Sent } from '../offline/outbox.ts';

/** Reports typed on this phone wait here until the hotline has answered them. */
export const hotlineOutbox = outbox('netguard-hotline');

const CODES_KEY = 'netguard.hotline.codes';
export type SentReport = { code: string; clientId: string; sentAt: string };

/** Tracking codes this phone has received, newest first, so the citizen finds them again after closing the page. */
export function sentReports(): SentReport[] {
  try {
    return JSON.parse(localStorage.getItem(CODES_KEY) ?? '[]') as SentReport[];
  } catch {
    return [];
  }
}

/** Keeps the tracking codes of reports the outbox has just sent. */
export function rememberSent(sent: Sent[]): SentReport[] {
  const known = sentReports();
  for (const { entry, body } of sent) {
    const code = (body as { trackingCode?: string } | null)?.trackingCode;
    if (code && !known.some((report) => report.clientId === entry.id)) known.unshift({ code, clientId: entry.id, sentAt: new Date().toISOString() });
  }
  localStorage.setItem(CODES_KEY, JSON.stringify(known.slice(0, 20)));
  return known;
}
