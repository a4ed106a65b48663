import { useState } from 'react';
import type { SessionUser } from '../auth/session.ts';
import { useLanguage } from '../i18n/language.tsx';
import type { DrawingRequest } from '../map/MapView.tsx';
import { Bulletins } from './Bulletins.tsx';
import { HotlineQueue } from './HotlineQueue.tsx';
import { NewIncident } from './NewIncident.tsx';

type CasesPanelProps = { user: SessionUser; onDrawing: (request: DrawingRequest | null) => void; onShow: (lonLat: [number, number]) => void };

/** Incidents and warnings: file an incident, triage citizen reports (police, DIC), read or publish bulletins. */
export function CasesPanel({ user, onDrawing, onShow }: CasesPanelProps) {
  const { language } = useLanguage();
  const vi = language === 'vi';
  const [filing, setFiling] = useState(false);
  const [filed, setFiled] = useState<number | null>(null);
  const files = user.role === 'admin' || user.role === 'police_planner' || user.role === 'carrier_editor';
  const security = user.role === 'admin' || user.role === 'police_planner' || user.role === 'dic_reviewer';
  if (filing) return <aside className="workspace-panel"><NewIncident user={user} onDrawing={onDrawing} onDone={(id) => { setFiling(false); setFiled(id); }} /></aside>;
  return (
    <aside className="workspace-panel" data-testid="cases-panel">
      <h2>{vi ? 'Vụ việc và cảnh báo' : 'Incidents and warnings'}</h2>
      <p className="hint">{vi ? 'Chọn một vụ việc trên bản đồ để xem diễn biến và chuyển trạng thái.' : 'Select an incident on the map to see its history and move it on.'}</p>
      {filed !== null && <p className="notice" role="status">{vi ? 'Đã ghi nhận vụ việc' : 'Incident filed'} #{filed}</p>}
      {files && <button type="button" data-testid="file-incident" onClick={() => setFiling(true)}>+ {vi ? 'Báo vụ việc mới' : 'Report an incident'}</button>}
      {security && <HotlineQueue police={user.role !== 'dic_reviewer'} onShow={onShow} />}
      <Bulletins canPublish={user.role === 'admin' || user.role === 'police_planner'} />
    </aside>
  );
}
