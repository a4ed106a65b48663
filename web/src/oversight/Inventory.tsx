import { useEffect, useState } from 'react';
import type { DrawingRequest } from '../map/MapView.tsx';
import { useDrawing } from '../map/draw/use-drawing.ts';
import { useMutation } from '@tanstack/react-query';
import { postForFile, sendJson } from '../api/client.ts';
import { useBaseCollection } from '../state/use-layer-data.ts';
import { useErrorText } from '../i18n/errors.ts';
import { useLanguage } from '../i18n/language.tsx';
import { countOf } from '../i18n/plural.ts';
import { vocabularyLabel } from '../i18n/vocabulary-labels.ts';
import { formatWhen } from '../format/format-value.ts';
import { vietnamToday } from '../state/viewport.ts';
import { useOversightText } from './messages.ts';

type Table = Record<string, Record<string, number>>;
type Inventory = { cableKm: Table; sitesByOwner: Record<string, number>; sitesByTechnology: Table; sitesByBackupPower: Table; facilitiesByKind: Table; assets: unknown[] };
type Area = { district: string } | { polygon: unknown };

function OwnerTable({ table, title }: { table: Table; title: string }) {
  const { language } = useLanguage();
  const number = new Intl.NumberFormat(language === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: 1 });
  const keys = [...new Set(Object.values(table).flatMap((row) => Object.keys(row)))].sort();
  if (keys.length === 0) return null;
  return (
    <table className="report-table">
      <thead><tr><th>{title}</th>{keys.map((key) => <th key={key}>{vocabularyLabel(key, language)}</th>)}</tr></thead>
      <tbody>{Object.entries(table).map(([owner, row]) => <tr key={owner}><td>{vocabularyLabel(owner, language)}</td>{keys.map((key) => <td key={key}>{number.format(row[key] ?? 0)}</td>)}</tr>)}</tbody>
    </table>
  );
}

/** Saves an answer as a file: the export is a POST (the area travels in the body), so no plain link can fetch it. */
function saveFile(file: Blob, name: string): void {
  const url = URL.createObjectURL(file);
  const link = Object.assign(document.createElement('a'), { href: url, download: name });
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Prints only the inventory: the page marks what it prints, and the print style hides the rest. */
function printInventory(): void {
  document.body.dataset.printing = 'inventory';
  window.addEventListener('afterprint', () => delete document.body.dataset.printing, { once: true });
  window.print();
}

/**
 * Emergency mobilisation inventory of a former district or a drawn area: cable km by tier, sites by technology and
 * backup power, facilities by kind; the assets inside as CSV or GeoJSON, and the tables printed on A4.
 */
export function Inventory({ onDrawing }: { onDrawing: (request: DrawingRequest | null) => void }) {
  const { language } = useLanguage();
  const o = useOversightText();
  const errorText = useErrorText();
  const [mode, setMode] = useState<'district' | 'polygon'>('district');
  const drawing = useDrawing('Polygon', null, 'inventory');
  useEffect(() => onDrawing(mode === 'polygon' ? drawing.request : null), [mode, drawing.request, onDrawing]);
  useEffect(() => () => onDrawing(null), [onDrawing]);
  const areas = useBaseCollection('admin_areas');
  const districts = (areas.data?.features ?? []).filter((area) => area.properties.level === 'district').map((area) => ({ code: String(area.properties.code), name: String(area.properties.name) }));
  const [district, setDistrict] = useState('');
  const [counted, setCounted] = useState<{ area: Area; name: string } | null>(null);
  const run = useMutation({ mutationFn: (area: Area) => sendJson<Inventory>('POST', '/api/inventory', area) });
  const download = useMutation({
    mutationFn: async (format: 'csv' | 'geojson') => saveFile(await postForFile(`/api/inventory?format=${format}&lang=${language}`, counted!.area), `kiem-ke.${format}`),
  });
  const count = () => {
    const area: Area = mode === 'district' ? { district } : { polygon: drawing.geometry };
    setCounted({ area, name: mode === 'district' ? districts.find((candidate) => candidate.code === district)?.name ?? district : o('drawnAreaName') });
    run.mutate(area);
  };
  return (
    <section data-testid="inventory" className="inventory">
      <h3>{o('inventoryTitle')}</h3>
      <div className="toolbar wrap no-print">
        <select value={mode} onChange={(event) => setMode(event.target.value as 'district' | 'polygon')}>
          <option value="district">{o('byDistrict')}</option>
          <option value="polygon">{o('drawnArea')}</option>
        </select>
        {mode === 'district' ? (
          <select value={district} data-testid="inventory-district" onChange={(event) => setDistrict(event.target.value)}>
            <option value="">{o('chooseDistrict')}</option>
            {districts.map((area) => <option key={area.code} value={area.code} translate="no">{area.name}</option>)}
          </select>
        ) : <span className="hint">{o('drawHint')}</span>}
        <button type="button" data-testid="inventory-count" disabled={run.isPending || (mode === 'district' ? !district : !drawing.geometry)} onClick={count}>{o('count')}</button>
      </div>
      {run.error && <p className="form-error">{errorText(run.error)}</p>}
      {download.error && <p className="form-error">{errorText(download.error)}</p>}
      {run.data && counted && (
        <>
          <div className="toolbar no-print">
            {o('download')}: <button type="button" className="link" data-testid="inventory-csv" onClick={() => download.mutate('csv')}>CSV</button>
            <button type="button" className="link" data-testid="inventory-geojson" onClick={() => download.mutate('geojson')}>GeoJSON</button>
            <button type="button" data-testid="inventory-print" onClick={printInventory}>{o('print')}</button>
          </div>
          <h4 className="inventory-heading">{o('inventoryOf')}: <span translate="no">{counted.name}</span> — {formatWhen(vietnamToday())}</h4>
          <p data-testid="inventory-assets">{o('assets')}: {countOf(run.data.assets.length, 'asset', language)}</p>
          <OwnerTable table={run.data.cableKm} title={o('cableKm')} />
          <OwnerTable table={run.data.sitesByTechnology} title={o('sitesByTechnology')} />
          <OwnerTable table={run.data.sitesByBackupPower} title={o('sitesByBackupPower')} />
          <OwnerTable table={run.data.facilitiesByKind} title={o('facilities')} />
        </>
      )}
    </section>
  );
}
