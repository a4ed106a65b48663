import { useEffect, useMemo, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { getJson } from '../api/client.ts';
import { useArea } from '../area/area-api.ts';
import { formatWhen } from '../format/format-value.ts';
import { useErrorText } from '../i18n/errors.ts';
import { vocabularyLabel } from '../i18n/vocabulary-labels.ts';
import type { PatrolOverlay } from '../patrol/overlay.ts';
import { reportBodies, reportRecipients } from '../print/document-bodies.ts';
import { DocumentDetailsForm, OfficialDocument, type DocumentDetails } from '../print/OfficialDocument.tsx';
import { useMapSnapshot } from '../print/use-map-snapshot.ts';
import { useBaseCollection } from '../state/use-layer-data.ts';
import { vietnamToday } from '../state/viewport.ts';
import { useAreaBounds } from '../area/area-bounds.ts';
import type { Bbox } from '../api/types.ts';
import { ComparisonChart } from './Chart.tsx';
import { useReportText } from './messages.ts';

type Row = { key: string; count: number; previous: number; change: number | null };
type Report = {
  title: string; issuedBy: string; issuer: string; place: string; issuedAt: string; period: { label: string; from: string; to: string }; previousPeriod: { label: string };
  incidents: { total: number; previousTotal: number; change: number | null; byType: Row[]; byCommune: Row[]; byDistrict: Row[]; byCarrier: Row[]; damageVnd: number; outageMinutes: number; resolved: number; open: number; dismissed: number };
  keyTargets: Record<string, number>; patrols: { plans: number; approved: number; meanCoverage: number | null }; hotline: Record<string, number>;
  inspections: { total: number; compliant: number; warning: number; violation: number; byAgency: { agency: string; inspections: number; finesVnd: number; decisions: Record<string, number> }[] };
  rewards: { proposed: number; approved: number; refused: number; amountVnd: number };
};
type Hotspots = { cells: PatrolOverlay['cells']; clusters: PatrolOverlay['clusters']; hotspots: { features: unknown[] } };

/** The six half-years up to the current one, newest first. */
function halfYears(now = new Date()): string[] {
  const labels: string[] = [];
  let year = now.getUTCFullYear(), half = now.getUTCMonth() < 6 ? 1 : 2;
  for (let i = 0; i < 6; i += 1) {
    labels.push(`${year}-H${half}`);
    if (half === 2) half = 1; else { half = 2; year -= 1; }
  }
  return labels;
}

function CompareTable({ rows, label, heading, dataLabels = false }: { rows: Row[]; label: (key: string) => string; heading: string; dataLabels?: boolean }) {
  const { r, language } = useReportText();
  const number = new Intl.NumberFormat(language === 'vi' ? 'vi-VN' : 'en-GB');
  return (
    <table className="report-table">
      <thead><tr><th>{heading}</th><th>{r('thisPeriod')}</th><th>{r('previousPeriod')}</th><th>{r('change')}</th></tr></thead>
      <tbody>{rows.map((row) => <tr key={row.key}><td translate={dataLabels ? 'no' : undefined}>{label(row.key)}</td><td>{number.format(row.count)}</td><td>{number.format(row.previous)}</td><td>{row.change === null ? '—' : `${row.change > 0 ? '+' : ''}${number.format(row.change)} %`}</td></tr>)}</tbody>
    </table>
  );
}

const DECISION_COLUMNS = [['none', 'decisionNone'], ['warning', 'decisionWarning'], ['fine', 'decisionFine'], ['licence_suspension', 'decisionSuspension'], ['referral_to_police', 'decisionReferral']] as const;

/** Inspections and decisions by agency (directive 4a), with the fines each imposed. */
function AgencyTable({ rows }: { rows: Report['inspections']['byAgency'] }) {
  const { r, language } = useReportText();
  const number = new Intl.NumberFormat(language === 'vi' ? 'vi-VN' : 'en-GB');
  const vnd = new Intl.NumberFormat(language === 'vi' ? 'vi-VN' : 'en-GB', { style: 'currency', currency: 'VND', maximumFractionDigits: 0 });
  return (
    <table className="report-table" data-testid="report-inspections-by-agency">
      <thead><tr><th>{r('agency')}</th><th>{r('inspectionCount')}</th>{DECISION_COLUMNS.map(([code, key]) => <th key={code}>{r(key)}</th>)}<th>{r('finesVnd')}</th></tr></thead>
      <tbody>{rows.map((row) => (
        <tr key={row.agency}><td>{vocabularyLabel(row.agency, language)}</td><td>{number.format(row.inspections)}</td>
          {DECISION_COLUMNS.map(([code]) => <td key={code}>{number.format(row.decisions[code] ?? 0)}</td>)}<td>{vnd.format(row.finesVnd)}</td></tr>
      ))}</tbody>
    </table>
  );
}

/** The report's body: each section with its figures and charts, in the UI language. */
function ReportBody({ data, hotspots, district, commune }: { data: Report; hotspots: Hotspots | undefined; district: (code: string) => string; commune: (code: string) => string }) {
  const { r, fill, language } = useReportText();
  const number = new Intl.NumberFormat(language === 'vi' ? 'vi-VN' : 'en-GB');
  const vnd = new Intl.NumberFormat(language === 'vi' ? 'vi-VN' : 'en-GB', { style: 'currency', currency: 'VND', maximumFractionDigits: 0 });
  const label = (key: string) => (key === 'none' ? r('noAsset') : vocabularyLabel(key, language));
  const { incidents } = data;
  const change = incidents.change === null ? '' : `, ${incidents.change > 0 ? r('up') : r('down')} ${number.format(Math.abs(incidents.change))} %`;
  return (
    <>
      <p className="report-period">{fill('period', { from: formatWhen(data.period.from), to: formatWhen(data.period.to), previous: data.previousPeriod.label })}</p>
      <p className="synthetic-note">{r('synthetic')}</p>
      <h2>{r('incidents')}</h2>
      <p data-testid="report-total">{r('total')}: <strong>{number.format(incidents.total)}</strong> ({r('previous')} {number.format(incidents.previousTotal)}{change});
        {' '}{r('resolved')} {number.format(incidents.resolved)}, {r('open')} {number.format(incidents.open)}, {r('dismissed')} {number.format(incidents.dismissed)}.
        {' '}{r('damage')} {vnd.format(incidents.damageVnd)}; {r('outage')} {number.format(incidents.outageMinutes)} {r('minutes')}.</p>
      <ComparisonChart testId="chart-type" caption={r('byTypeCaption')} rows={incidents.byType.map((row) => ({ label: label(row.key), count: row.count, previous: row.previous }))} />
      <CompareTable rows={incidents.byType} label={label} heading={r('type')} />
      <CompareTable rows={incidents.byCommune} label={commune} heading={r('commune')} dataLabels />
      <ComparisonChart testId="chart-district" caption={r('byDistrictCaption')} rows={incidents.byDistrict.map((row) => ({ label: district(row.key), count: row.count, previous: row.previous }))} />
      <CompareTable rows={incidents.byDistrict} label={district} heading={r('district')} dataLabels />
      <CompareTable rows={incidents.byCarrier} label={label} heading={r('carrier')} />
      <h2>{r('keyTargets')}</h2>
      <p>{fill('keyTargetsLine', data.keyTargets)}</p>
      <h2>{r('patrols')}</h2>
      <p>{fill('patrolsLine', { plans: data.patrols.plans, approved: data.patrols.approved, coverage: data.patrols.meanCoverage === null ? '—' : `${number.format(Math.round(data.patrols.meanCoverage * 1000) / 10)} %` })}
        {' '}{fill('hotspots', { count: hotspots ? hotspots.hotspots.features.length : '…' })}</p>
      <h2>{r('hotline')}</h2>
      <p>{fill('hotlineLine', data.hotline)}</p>
      <p data-testid="report-rewards">{fill('rewardsLine', { proposed: number.format(data.rewards.proposed), approved: number.format(data.rewards.approved), amount: vnd.format(data.rewards.amountVnd) })}</p>
      <h2>{r('inspections')}</h2>
      <p>{fill('inspectionsLine', { total: data.inspections.total, compliant: data.inspections.compliant, warning: data.inspections.warning, violation: data.inspections.violation })}</p>
      <AgencyTable rows={data.inspections.byAgency} />
    </>
  );
}

/**
 * The DIC's six-monthly report: choose the period, read the figures with charts, fill in the document's number,
 * signer and recipients, and print it on A4 as an administrative document (the map of the period's hotspots as a
 * picture under the title), or download every table as CSV.
 */
export function ReportPanel({ onOverlay, onFit }: { onOverlay: (overlay: PatrolOverlay) => void; onFit: (bbox: Bbox) => void }) {
  const { r, language } = useReportText();
  const errorText = useErrorText();
  const options = useMemo(() => halfYears(), []);
  const [period, setPeriod] = useState(options[1]);
  const area = useArea();
  const [details, setDetails] = useState<DocumentDetails>({ number: '', signerName: '', recipients: '' });
  // The default recipients name the area's bodies and follow the UI language (what a clerk typed is kept otherwise).
  useEffect(() => setDetails((current) => ({ ...current, recipients: area.data ? reportRecipients(area.data, language) : '' })), [language, area.data]);
  const report = useQuery({ queryKey: ['report', period], queryFn: ({ signal }) => getJson<Report>(`/api/reports/six-monthly?period=${period}`, signal) });
  const range = report.data?.period;
  const today = vietnamToday();
  const hotspots = useQuery({
    queryKey: ['report-hotspots', range?.from, range?.to],
    queryFn: ({ signal }) => getJson<Hotspots>(`/api/analysis/hotspots?start=${range!.from}&end=${range!.to > today ? today : range!.to}`, signal),
    enabled: !!range,
  });
  useEffect(() => onOverlay({ cells: hotspots.data?.cells, clusters: hotspots.data?.clusters }), [hotspots.data, onOverlay]);
  useEffect(() => () => onOverlay({}), [onOverlay]);
  // The report's map is of the whole area.
  const bounds = useAreaBounds();
  useEffect(() => { if (bounds) onFit(bounds); }, [onFit, bounds]);
  const snapshot = useMapSnapshot(!!hotspots.data, `${period}-${hotspots.dataUpdatedAt}`);
  const areas = useBaseCollection('admin_areas');
  const district = (code: string) => (code === 'none' ? r('noDistrict') : String(areas.data?.features.find((f) => f.properties.level === 'district' && f.properties.code === code)?.properties.name ?? code));
  const commune = (code: string) => (code === 'none' ? r('noDistrict') : String(areas.data?.features.find((f) => f.properties.level === 'commune' && f.properties.code === code)?.properties.name ?? code));
  const data = report.data;
  return (
    <aside className="workspace-panel report-panel" data-testid="report-panel">
      <div className="toolbar no-print">
        <select value={period} data-testid="report-period" onChange={(event) => setPeriod(event.target.value)}>
          {options.map((option) => <option key={option} value={option}>{option.slice(0, 4)} – {option.endsWith('H1') ? r('firstHalf') : r('secondHalf')}</option>)}
        </select>
        <button type="button" data-testid="report-print" onClick={() => void snapshot.print()} disabled={!data}>{r('print')}</button>
        <a href={`/api/reports/six-monthly?period=${period}&format=csv`} download>CSV</a>
      </div>
      <DocumentDetailsForm details={details} onChange={setDetails} />
      {report.isPending && <p className="hint"><span className="spinner" />{r('compiling')}</p>}
      {report.error && <p className="form-error">{errorText(report.error)}</p>}
      {area.error && <p className="form-error">{r('areaMissing')}: {errorText(area.error)}</p>}
      {data && area.data && (
        <OfficialDocument testId="report-document" details={details} mapImage={snapshot.image} frame={{
          ...reportBodies(area.data, language), isoDay: today,
          kind: r('kind'), subject: `${r('subject')} (${data.period.label})`, authority: r('authority'), signerTitle: r('signerTitle'),
        }}>
          <ReportBody data={data} hotspots={hotspots.data} district={district} commune={commune} />
        </OfficialDocument>
      )}
    </aside>
  );
}
