import { useOutboxEntries } from '../offline/use-outbox.ts';
import { fieldOutbox } from './field-outbox.ts';
import { useFieldText, type FieldKey } from './messages.ts';

const KIND_LABEL: Record<string, FieldKey> = { visit: 'visit', finding: 'findingEntry', track: 'track' };

/** What waits to be sent, and what the server refused (with its reason), so nothing recorded goes unseen. */
export function OutboxPanel({ onSend }: { onSend: () => void }) {
  const f = useFieldText();
  const entries = useOutboxEntries(fieldOutbox);
  const waiting = entries.filter((entry) => entry.state === 'waiting');
  return (
    <section className="outbox" data-testid="outbox" data-waiting={waiting.length}>
      <h3>{f('outbox')}: <span data-testid="outbox-count">{waiting.length}</span></h3>
      {entries.length === 0 ? <p className="hint" data-testid="outbox-empty">{f('outboxEmpty')}</p> : (
        <ul>
          {entries.map((entry) => (
            <li key={entry.id} className={entry.state}>
              {f(KIND_LABEL[entry.kind] ?? 'visit')}: {entry.label}
              {entry.state === 'rejected' && <strong className="error-text"> — {f('rejected')}: {entry.error}</strong>}
            </li>
          ))}
        </ul>
      )}
      {waiting.length > 0 && <button type="button" onClick={onSend}>{f('sendNow')}</button>}
    </section>
  );
}
