import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { formatWhen } from '../format/format-value.ts';
import { useErrorText } from '../i18n/errors.ts';
import { commentOnCase, type CaseFile } from './api.ts';
import { useRegisterText } from './messages.ts';

/** Comments and assignment changes, oldest first, and the box to add a comment. */
export function CaseTimeline({ file }: { file: CaseFile }) {
  const r = useRegisterText();
  const errorText = useErrorText();
  const client = useQueryClient();
  const [text, setText] = useState('');
  const send = useMutation({
    mutationFn: () => commentOnCase(file.incident.id, text.trim().normalize('NFC')),
    onSuccess: () => { setText(''); void client.invalidateQueries({ queryKey: ['case', file.incident.id] }); },
  });
  return (
    <section data-testid="case-timeline">
      <h3>{r('timeline')}</h3>
      {file.events.length === 0 && <p className="hint">{r('noEvents')}</p>}
      <ol className="history">
        {file.events.map((event) => (
          <li key={event.id} data-testid={`case-event-${event.kind}`}>
            <strong translate="no">{event.actor}</strong>, {formatWhen(event.at)}:{' '}
            {event.kind === 'assignment' ? <>{r('assignmentEvent')} <span translate="no">{event.officer}</span>, {r('dueBy')} {formatWhen(event.dueDate ?? '')}{event.body ? <> — <span translate="no">“{event.body}”</span></> : null}</> : <span translate="no">“{event.body}”</span>}
          </li>
        ))}
      </ol>
      <label>{r('comment')}<textarea rows={2} maxLength={4000} data-testid="case-comment" value={text} onChange={(event) => setText(event.target.value)} /></label>
      <button type="button" data-testid="case-comment-send" disabled={!text.trim() || send.isPending} onClick={() => send.mutate()}>{r('addComment')}</button>
      {send.error && <p className="form-error" role="alert">{errorText(send.error)}</p>}
    </section>
  );
}
