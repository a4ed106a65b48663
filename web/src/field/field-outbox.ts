import { outbox } from '../offline/outbox.ts';

/** Every write made in the field (check-ins, findings, the track) waits here until the server has accepted it. */
export const fieldOutbox = outbox('netguard-field-outbox');
