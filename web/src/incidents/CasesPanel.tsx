import { useState } from 'react';
import type { FeatureCollection } from 'geojson';
import type { Bbox } from '../api/types.ts';
import type { SessionUser } from '../auth/session.ts';
import type { DrawingRequest } from '../map/MapView.tsx';
import { CasePage } from '../register/CasePage.tsx';
import { useRegisterText } from '../register/messages.ts';
import { RegisterPanel, type RegisterState } from '../register/RegisterPanel.tsx';
import type { RegisterFilters } from '../register/filters.ts';
import { defaultIncidentRange } from '../state/viewport.ts';
import '../register/register.css';
import { Bulletins } from './Bulletins.tsx';
import { HotlineQueue } from './HotlineQueue.tsx';
import { NewIncident } from './NewIncident.tsx';

type Tab = 'register' | 'hotline' | 'bulletins';

type CasesPanelProps = {
  user: SessionUser; onDrawing: (request: DrawingRequest | null) => void; onFit: (bbox: Bbox) => void;
  /** The open case, owned by the app so notices elsewhere can open one. */
  caseId: number | null; onCase: (id: number | null) => void;
  viewport: Bbox | null; onOverlay: (overlay: FeatureCollection | null) => void;
};

export const defaultRegisterFilters = (): RegisterFilters => ({
  text: '', type: '', status: '', source: '', owner: '', district: '', commune: '', assignee: '',
  period: defaultIncidentRange(), unread: false, overdue: false, inView: false, sort: '-reported_at',
});

const around = ([lon, lat]: [number, number]): Bbox => [lon - 0.01, lat - 0.01, lon + 0.01, lat + 0.01];

/** Incidents: the register and its case files, the citizen reports to triage (security staff), and bulletins. */
export function CasesPanel({ user, onDrawing, onFit, caseId, onCase, viewport, onOverlay }: CasesPanelProps) {
  const r = useRegisterText();
  const [tab, setTab] = useState<Tab>('register');
  const [filing, setFiling] = useState(false);
  const [filed, setFiled] = useState<number | null>(null);
  const [defaults] = useState(defaultRegisterFilters);
  const [register, setRegister] = useState<RegisterState>({ filters: defaults, offset: 0 });
  const files = user.role === 'admin' || user.role === 'police_planner' || user.role === 'carrier_editor';
  const security = user.role === 'admin' || user.role === 'police_planner' || user.role === 'dic_reviewer';
  if (filing) return <aside className="workspace-panel"><NewIncident user={user} onDrawing={onDrawing} onDone={(id) => { setFiling(false); setFiled(id); }} /></aside>;
  const tabs: Tab[] = security ? ['register', 'hotline', 'bulletins'] : ['register', 'bulletins'];
  return (
    <aside className="workspace-panel register-panel" data-testid="cases-panel">
      {caseId !== null ? (
        <CasePage key={caseId} id={caseId} user={user} onBack={() => onCase(null)} onOpen={onCase} onFit={onFit} onOverlay={onOverlay} />
      ) : (
        <>
          <nav className="tabs" role="tablist">
            {tabs.map((candidate) => (
              <button key={candidate} type="button" role="tab" aria-selected={tab === candidate} className={tab === candidate ? 'active' : ''} data-testid={`cases-tab-${candidate}`} onClick={() => setTab(candidate)}>
                {r(candidate === 'register' ? 'tabRegister' : candidate === 'hotline' ? 'tabHotline' : 'tabBulletins')}
              </button>
            ))}
          </nav>
          {filed !== null && <p className="notice" role="status">{r('filed')} <button type="button" className="link" onClick={() => onCase(filed)}>#{filed}</button></p>}
          {files && tab === 'register' && <button type="button" data-testid="file-incident" onClick={() => setFiling(true)}>+ {r('fileIncident')}</button>}
          {tab === 'register' && <RegisterPanel user={user} state={register} onState={setRegister} defaults={defaults} viewport={viewport} onOverlay={onOverlay} onOpen={(row) => onCase(row.id)} />}
          {tab === 'hotline' && security && <HotlineQueue police={user.role !== 'dic_reviewer'} onShow={(lonLat) => onFit(around(lonLat))} onOpenCase={onCase} />}
          {tab === 'bulletins' && <Bulletins canPublish={user.role === 'admin' || user.role === 'police_planner'} />}
        </>
      )}
    </aside>
  );
}
