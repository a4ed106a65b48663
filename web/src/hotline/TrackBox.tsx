import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { ApiError } from '../api/client.ts';
import { trackReport } from './api.ts';
import { useHotlineText } from './messages.ts';

/** Follow a report by its tracking code: its state, when closed why, and whether it helped find a case (issue 18). */
export function TrackBox({ initialCode }: { initialCode: string }) {
  const h = useHotlineText();
  const [code, setCode] = useState(initialCode);
  const [asked, setAsked] = useState(initialCode);
  const tracked = useQuery({ queryKey: ['hotline-track', asked], queryFn: ({ signal }) => trackReport(asked, signal), enabled: asked !== '', retry: false });
  return (
    <section className="track-box">
      <h3>{h('track')}</h3>
      <form className="toolbar" onSubmit={(event) => { event.preventDefault(); setAsked(code.trim()); }}>
        <input aria-label={h('code')} placeholder="KT-XXXX-XXXX" data-testid="track-code" value={code} onChange={(event) => setCode(event.target.value)} />
        <button type="submit" data-testid="track-submit">{h('lookUp')}</button>
      </form>
      {tracked.isFetching && <span className="spinner" />}
      {tracked.error && <p className="form-error">{tracked.error instanceof ApiError && tracked.error.status === 404 ? h('notFound') : tracked.error.message}</p>}
      {tracked.data && (
        <p data-testid="track-status">
          {h('status')}: <strong>{h(tracked.data.status)}</strong>{tracked.data.closingReason ? ` — ${tracked.data.closingReason}` : ''}
        </p>
      )}
      {tracked.data?.helped && <p className="notice" role="status" data-testid="track-helped">{h('helped')}</p>}
    </section>
  );
}
