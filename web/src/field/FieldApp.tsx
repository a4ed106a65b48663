import { useEffect, useRef, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useLanguage } from '../i18n/language.tsx';
import { replayTriggers } from '../offline/outbox.ts';
import { AssignmentPicker } from './AssignmentPicker.tsx';
import { downloadArea } from './download.ts';
import { forget, load, NO_PATROL, save } from './field-db.ts';
import { fieldOutbox } from './field-outbox.ts';
import { fieldSession, replayHeaders } from './field-session.ts';
import { FieldSignIn } from './FieldSignIn.tsx';
import { useFieldText } from './messages.ts';
import { PatrolView, type Downloaded } from './PatrolView.tsx';
import type { Assignment } from './types.ts';

/** The area kept on the phone, when one has been downloaded. */
async function downloaded(): Promise<Downloaded | null> {
  const [assignment, basemap, layers, patrol] = await Promise.all([load('assignment'), load('basemap'), load('layers'), load('patrol')]);
  return assignment && basemap && layers ? { assignment, basemap, layers, patrol: patrol ?? NO_PATROL } : null;
}

function useOnline(): boolean {
  const [online, setOnline] = useState(navigator.onLine);
  useEffect(() => {
    const on = () => setOnline(true), off = () => setOnline(false);
    window.addEventListener('online', on);
    window.addEventListener('offline', off);
    return () => { window.removeEventListener('online', on); window.removeEventListener('offline', off); };
  }, []);
  return online;
}

const send = () => void fieldOutbox.replay(replayHeaders);

/**
 * The patrol field app (`/thuc-dia`): the officer signs in, takes today's assignment and downloads its area, then
 * patrols with or without a network; every write waits in the outbox until the server has it.
 */
export function FieldApp() {
  const f = useFieldText();
  const { t, toggleLanguage } = useLanguage();
  const session = useQuery({
    queryKey: ['field-session'], queryFn: fieldSession, retry: false, staleTime: Infinity,
    // Opened from the phone because the server did not answer: ask again now and then, to see the network return.
    refetchInterval: (query) => (query.state.data?.offline ? 15_000 : false),
  });
  // The browser's flag alone misses a signal that carries nothing (and emulated offline after a reload): a server that
  // did not answer counts as no network too.
  const browserOnline = useOnline();
  const { refetch } = session;
  // Back in coverage by the browser's word: ask the server at once rather than at the next 15 s.
  const wasOnline = useRef(browserOnline);
  useEffect(() => {
    if (browserOnline && !wasOnline.current) void refetch();
    wasOnline.current = browserOnline;
  }, [browserOnline, refetch]);
  const online = browserOnline && session.data?.offline !== true;
  const [data, setData] = useState<Downloaded | null | undefined>(undefined);
  const [step, setStep] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  useEffect(() => { void downloaded().then(setData); }, []);
  useEffect(() => replayTriggers(fieldOutbox, () => {}, replayHeaders), []);

  const take = async (assignment: Assignment) => {
    setFailure(null);
    try {
      await downloadArea(assignment, setStep);
      await save('patrol', NO_PATROL);
      setData(await downloaded());
    } catch (error) {
      setFailure(error instanceof Error ? error.message : String(error));
    } finally {
      setStep(null);
    }
  };
  const user = session.data?.user;
  const allowed = user && (user.role === 'police_planner' || user.role === 'admin');
  return (
    <div className="app field-app">
      <header className="app-header app-header-compact" data-testid="app-header">
        <div className="brand"><h1>{f('title')}</h1>{user && <span className="subtitle">{user.displayName}</span>}</div>
        {!online && <span className="synthetic-badge" data-testid="offline-badge" role="status">{f('offlineBadge')}</span>}
        <button type="button" className="lang-toggle" data-testid="lang-toggle" onClick={toggleLanguage}>{t('languageToggle')}</button>
      </header>
      {session.isPending || data === undefined ? <div className="page-status" role="status"><span className="spinner" /></div>
        : session.error ? <div className="page-status" role="alert">{f('loadFailed')}: {session.error.message}</div>
        : !user ? <div className="sign-in-page"><FieldSignIn /></div>
        : !allowed ? <div className="page-status" role="alert">{f('noRole')}</div>
        : data ? <PatrolView data={data} onSend={send} onLeave={() => void forget('assignment').then(() => setData(null))} />
        : (
          <main className="field-start">
            {session.data.offline && <p className="note">{f('offline')}</p>}
            {failure && <p className="form-error" role="alert">{failure}</p>}
            <AssignmentPicker onTake={(assignment) => void take(assignment)} busy={step !== null} step={step} />
          </main>
        )}
    </div>
  );
}
