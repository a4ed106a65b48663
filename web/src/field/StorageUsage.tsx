import { useEffect, useState } from 'react';
import { useOutboxEntries } from '../offline/use-outbox.ts';
import { storageUsage } from './download.ts';
import { fieldOutbox } from './field-outbox.ts';
import { useFieldText } from './messages.ts';

const MB = (bytes: number) => `${(bytes / 1024 / 1024).toLocaleString('vi-VN', { maximumFractionDigits: 1 })} MB`;

/** How much the app keeps on the phone, and whether the browser has promised to keep it. */
export function StorageUsage() {
  const f = useFieldText();
  const entries = useOutboxEntries(fieldOutbox);
  const [usage, setUsage] = useState<Awaited<ReturnType<typeof storageUsage>>>(null);
  useEffect(() => { void storageUsage().then(setUsage); }, [entries]);
  if (!usage) return null;
  return (
    <p className="hint" data-testid="storage-usage" data-bytes={usage.usageBytes} data-persisted={usage.persisted}>
      {f('uses')}: {MB(usage.usageBytes)} {f('of')} {MB(usage.quotaBytes)} · {usage.persisted ? f('persisted') : f('notPersisted')}
    </p>
  );
}
