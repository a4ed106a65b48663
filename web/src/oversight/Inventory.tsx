import { useEffect, useState } from 'react';
import type { DrawingRequest } from '../map/MapView.tsx';
import { useDrawing } from '../map/draw/use-drawing.ts';
import { useMutation } from '@tanstack/react-query';
import { sendJson } from '../api/client.ts';
import { useBaseCollection } from '../state/use-layer-data.ts';
import { useLanguage } from '../i18n/language.tsx';
import { vocabularyLabel } from '../i18n/vocabulary-labels.ts';

type Table = Record<string, Record<string, number>>;
type Inventory = { cableKm: Table; sitesByOwner: Record<string, number>; sitesByTechnology: Table; sitesByBackupPower: Table; facilitiesByKind: Table; assets: unknown[] };
const NUMBER = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 });

function OwnerTable({ table, title }: { table: Table; title: string }) {
  const { language } = useLanguage();
  const keys = [...new Set(Object.values(table).flatMap((row) => Object.keys(row)))].sort();
  if (keys.length === 0) return null;
  return (
    <table className="report-table">
      <thead><tr><th>{title}</th>{keys.map((key) => <th key={key}>{vocabularyLabel(key, language)}</th>)}</tr></thead>
      <tbody>{Object.entries(table).map(([owner, row]) => <tr key={owner}><td>{vocabularyLabel(owner, language)}</td>{keys.map((key) => <td key={key}>{NUMBER.format(row[key] ?? 0)}</td>)}</tr>)}</tbody>
    </table>
  );
}

/** Emergency mobilisation inventory of a former district: cable km by tier, sites by technology and backup power, facilities by kind. */
export function Inventory({ onDrawing }: { onDrawing: (request: DrawingRequest | null) => void }) {
  const { language } = useLanguage();
  const vi = language === 'vi';
  const [mode, setMode] = useState<'district' | 'polygon'>('district');
  const drawing = useDrawing('Polygon', null, 'inventory');
  useEffect(() => onDrawing(mode === 'polygon' ? drawing.request : null), [mode, drawing.request, onDrawing]);
  useEffect(() => () => onDrawing(null), [onDrawing]);
  const areas = useBaseCollection('admin_areas');
  const districts = (areas.data?.features ?? []).filter((area) => area.properties.level === 'district').map((area) => ({ properties: { code: String(area.properties.code), name: String(area.properties.name) } }));
  const [district, setDistrict] = useState('');
  const run = useMutation({ mutationFn: (area: Record<string, unknown>) => sendJson<Inventory>('POST', '/api/inventory', area) });
  return (
    <section data-testid="inventory">
      <h3>{vi ? 'Kiểm kê hạ tầng phục vụ huy động khẩn cấp' : 'Inventory for emergency mobilisation'}</h3>
      <div className="toolbar wrap">
        <select value={mode} onChange={(event) => setMode(event.target.value as 'district' | 'polygon')}>
          <option value="district">{vi ? 'Theo huyện' : 'By district'}</option>
          <option value="polygon">{vi ? 'Vùng vẽ trên bản đồ' : 'A drawn area'}</option>
        </select>
        {mode === 'district' ? (
          <select value={district} onChange={(event) => setDistrict(event.target.value)}>
            <option value="">{vi ? '— chọn huyện —' : '— choose a district —'}</option>
            {districts.map((area) => <option key={area.properties.code} value={area.properties.code}>{area.properties.name}</option>)}
          </select>
        ) : <span className="hint">{vi ? 'Vẽ vùng trên bản đồ, nhấp đỉnh đầu để khép kín.' : 'Draw the area on the map; click the first corner to close it.'}</span>}
        <button type="button" disabled={run.isPending || (mode === 'district' ? !district : !drawing.geometry)}
          onClick={() => run.mutate(mode === 'district' ? { district } : { polygon: drawing.geometry })}>{vi ? 'Kiểm kê' : 'Count'}</button>
      </div>
      {run.error && <p className="form-error">{run.error.message}</p>}
      {run.data && (
        <>
          <p>{vi ? 'Số tài sản' : 'Assets'}: {NUMBER.format(run.data.assets.length)}</p>
          <OwnerTable table={run.data.cableKm} title={vi ? 'Cáp (km)' : 'Cable (km)'} />
          <OwnerTable table={run.data.sitesByTechnology} title={vi ? 'Trạm theo công nghệ' : 'Sites by technology'} />
          <OwnerTable table={run.data.sitesByBackupPower} title={vi ? 'Trạm theo nguồn dự phòng' : 'Sites by backup power'} />
          <OwnerTable table={run.data.facilitiesByKind} title={vi ? 'Cơ sở' : 'Facilities'} />
        </>
      )}
    </section>
  );
}
