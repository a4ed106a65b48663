import { useEffect, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Point } from 'geojson';
import { INCIDENT_TYPES } from '../../../server/collections/vocabulary.ts';
import type { SessionUser } from '../auth/session.ts';
import { useLanguage } from '../i18n/language.tsx';
import { vocabularyLabel } from '../i18n/vocabulary-labels.ts';
import type { DrawingRequest } from '../map/MapView.tsx';
import { useDrawing } from '../map/draw/use-drawing.ts';
import { fileIncident, nearbyAssets } from './api.ts';

const nowLocal = () => new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 16);

/** Files an incident: a pin on the map, the assets within 200 m offered for linking, type, time and description. */
export function NewIncident({ user, onDrawing, onDone }: { user: SessionUser; onDrawing: (request: DrawingRequest | null) => void; onDone: (id: number | null) => void }) {
  const { language, t } = useLanguage();
  const vi = language === 'vi';
  const queryClient = useQueryClient();
  const pin = useDrawing('Point', null, 'new-incident');
  const [form, setForm] = useState({ type: 'cable_theft', occurredAt: nowLocal(), description: '', asset: '' });
  useEffect(() => onDrawing(pin.request), [pin.request, onDrawing]);
  useEffect(() => () => onDrawing(null), [onDrawing]);
  const at = (pin.geometry as Point | null)?.coordinates;
  const near = useQuery({ queryKey: ['nearest-assets', at?.[0], at?.[1]], queryFn: ({ signal }) => nearbyAssets(at![0], at![1], signal), enabled: !!at });
  const file = useMutation({
    mutationFn: () => {
      const [collection, id] = form.asset.split('/');
      return fileIncident({
        lon: at![0], lat: at![1], type: form.type, occurredAt: new Date(`${form.occurredAt}:00+07:00`).toISOString(), description: form.description.trim() || undefined,
        ...(form.asset ? { asset: { collection, id: Number(id) } } : {}),
      });
    },
    onSuccess: (incident) => { void queryClient.invalidateQueries({ queryKey: ['collection', 'incidents'] }); onDone(Number(incident.id)); },
  });
  const choices = (near.data?.assets ?? []).filter((asset) => user.role !== 'carrier_editor' || asset.owner === user.carrier);
  const needsAsset = user.role === 'carrier_editor' && !form.asset;
  return (
    <section data-testid="new-incident">
      <h3>{vi ? 'Báo vụ việc mới' : 'Report an incident'}</h3>
      <p className="hint">{vi ? 'Nhấp trên bản đồ nơi xảy ra vụ việc.' : 'Click the place on the map.'}</p>
      {at && (
        <label>{vi ? 'Tài sản liên quan (trong 200 m)' : 'Linked asset (within 200 m)'}
          <select value={form.asset} data-testid="incident-asset" onChange={(event) => setForm({ ...form, asset: event.target.value })}>
            <option value="">{vi ? '— không liên kết —' : '— none —'}</option>
            {choices.map((asset) => (
              <option key={`${asset.collection}/${asset.id}`} value={`${asset.collection}/${asset.id}`}>
                {vocabularyLabel(asset.collection, language)} {asset.label ?? `#${asset.id}`} · {vocabularyLabel(asset.owner, language)} · {Math.round(asset.meters)} m
              </option>
            ))}
          </select>
        </label>
      )}
      {at && near.data && choices.length === 0 && <p className="hint">{vi ? 'Không có tài sản nào trong 200 m.' : 'No asset within 200 m.'}</p>}
      <label>{vi ? 'Loại vụ việc' : 'Type'}
        <select value={form.type} onChange={(event) => setForm({ ...form, type: event.target.value })}>{INCIDENT_TYPES.filter((type) => type !== 'sim_box').map((type) => <option key={type} value={type}>{vocabularyLabel(type, language)}</option>)}</select>
      </label>
      <label>{vi ? 'Thời điểm xảy ra' : 'When'}<input type="datetime-local" value={form.occurredAt} max={nowLocal()} onChange={(event) => setForm({ ...form, occurredAt: event.target.value })} /></label>
      <label>{vi ? 'Mô tả' : 'Description'}<textarea rows={3} maxLength={2000} value={form.description} onChange={(event) => setForm({ ...form, description: event.target.value })} /></label>
      {file.error && <p className="form-error" role="alert">{file.error.message}</p>}
      <div className="toolbar">
        <button type="button" className="primary" disabled={!at || needsAsset || file.isPending} onClick={() => file.mutate()}>{vi ? 'Ghi nhận' : 'File'}</button>
        <button type="button" onClick={() => onDone(null)}>{t('cancel')}</button>
      </div>
    </section>
  );
}
