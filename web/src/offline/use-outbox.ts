import { useEffect, useState } from 'react';
import { onOutboxChange, type Outbox, type OutboxEntry } from './outbox.ts';

/** The writes waiting in `box` (and those the server refused), kept current as they are queued and sent. */
export function useOutboxEntries(box: Outbox): OutboxEntry[] {
  const [entries, setEntries] = useState<OutboxEntry[]>([]);
  useEffect(() => {
    let live = true;
    const load = () => void box.list().then((list) => { if (live) setEntries(list); });
    load();
    const stop = onOutboxChange(load);
    return () => { live = false; stop(); };
  }, [box]);
  return entries;
}
