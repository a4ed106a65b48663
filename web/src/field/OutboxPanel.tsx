import { FINDING_KINDS } from '../../../server/collections/vocabulary.ts';
import { useLanguage } from '../i18n/language.tsx';
import type { OutboxEntry } from '../offline/outbox.ts';
import { refusalText } from '../offline/refusal-text.ts';
import { useOutboxEntries } from '../offline/use-outbox.ts';
import { fieldOutbox } from './field-outbox.ts';
import { replayHeaders } from './field-session.ts';
import { useFieldText, type FieldKey } from './messages.ts';

const KIND_LABEL: Record<string, FieldKey> = { visit: 'visit', finding: 'findingEntry', track: 'track' };
/** When the write was made, in Vietnam's time (the patrol's). */
const hhmm = (iso: string) => new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Ho_Chi_Minh', hour: '2-digit', minute: '2-digit' }).format(new Date(iso));
const isFindingKind = (code: string | undefined): code is FieldKey => (FINDING_KINDS as readonly string[]).includes(code ?? '');

/** One queued write: what it is and when it was made; a refused one says why, and can be sent again or let go. */
function Entry({ entry }: { entry: OutboxEntry }) {
  const f = useFieldText();
  const { language } = useLanguage();
  const detail = isFindingKind(entry.detail) ? ` — ${f(entry.detail)}` : '';
  return (
    <li className={entry.state} data-testid="outbox-entry" data-kind={entry.kind} data-state={entry.state}>
      <span>{f(KIND_LABEL[entry.kind] ?? 'visit')} ({hhmm(entry.createdAt)}): {entry.label}{detail}</span>
      {entry.state === 'waiting' && entry.attempts > 0 && <span className="hint"> — {f('triedTimes').replace('{n}', String(entry.attempts))}</span>}
      {entry.state === 'rejected' && (
        <>
          <strong className="error-text" data-testid="outbox-refusal"> — {f('rejected')}: {refusalText(entry, language)}</strong>
          <span className="toolbar wrap">
            <button type="button" data-testid="outbox-retry" onClick={() => void fieldOutbox.retry(entry.id, replayHeaders)}>{f('sendAgain')}</button>
            <button type="button" data-testid="outbox-discard" onClick={() => { if (window.confirm(f('discardConfirm'))) void fieldOutbox.remove(entry.id); }}>{f('discard')}</button>
          </span>
        </>
      )}
    </li>
  );
}

/** What waits to be sent, and what the server refused (with its reason), so nothing recorded goes unseen. */
export function OutboxPanel({ onSend }: { onSend: () => void }) {
  const f = useFieldText();
  const entries = useOutboxEntries(fieldOutbox);
  const waiting = entries.filter((entry) => entry.state === 'waiting');
  const refused = entries.length - waiting.length;
  return (
    <section className="outbox" data-testid="outbox" data-waiting={waiting.length}>
      <h3>{f('outbox')}: <span data-testid="outbox-count">{waiting.length}</span></h3>
      {refused > 0 && <p className="form-error" role="alert" data-testid="outbox-refused">{f('refusedCount').replace('{n}', String(refused))}</p>}
      {entries.length === 0 ? <p className="hint" data-testid="outbox-empty">{f('outboxEmpty')}</p> : (
        <ul>{entries.map((entry) => <Entry key={entry.id} entry={entry} />)}</ul>
      )}
      {waiting.length > 0 && <button type="button" onClick={onSend}>{f('sendNow')}</button>}
    </section>
  );
}
