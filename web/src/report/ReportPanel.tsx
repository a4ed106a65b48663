import { useEffect, useMemo, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { getJson } from '../api/client.ts';
import { useLanguage } from '../i18n/language.tsx';
import { vocabularyLabel } from '../i18n/vocabulary-labels.ts';
import type { PatrolOverlay } from '../patrol/overlay.ts';
import { ComparisonChart } from './Chart.tsx';
import { useBaseCollection } from '../state/use-layer-data.ts';

type Row = { key: string; count: number; previous: number; change: number | null };
type Report = {
  title: string; issuedBy: string; issuer: string; place: string; issuedAt: string; period: { label: string; from: string; to: string }; previousPeriod: { label: string };
  incidents: { total: number; previousTotal: number; change: number | null; byType: Row[]; byCommune: Row[]; byDistrict: Row[]; byCarrier: Row[]; damageVnd: number; outageMinutes: number; resolved: number; open: number; dismissed: number };
  keyTargets: Record<string, number>; patrols: { plans: number; approved: number; meanCoverage: number | null }; hotline: Record<string, number>; inspections: Record<string, number>;
};

const NUMBER = new Intl.NumberFormat('vi-VN');
const VND = new Intl.NumberFormat('vi-VN', { style: 'currency', currency: 'VND', maximumFractionDigits: 0 });
const vnDate = (iso: string) => iso.slice(0, 10).split('-').reverse().join('/');

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

function CompareTable({ rows, label, heading }: { rows: Row[]; label: (key: string) => string; heading: string }) {
  return (
    <table className="report-table">
      <thead><tr><th>{heading}</th><th>Kỳ này</th><th>Kỳ trước</th><th>Thay đổi</th></tr></thead>
      <tbody>{rows.map((row) => <tr key={row.key}><td>{label(row.key)}</td><td>{NUMBER.format(row.count)}</td><td>{NUMBER.format(row.previous)}</td><td>{row.change === null ? '—' : `${row.change > 0 ? '+' : ''}${NUMBER.format(row.change)} %`}</td></tr>)}</tbody>
    </table>
  );
}

/**
 * The DIC's six-monthly report: choose the period, read the figures with charts, print it on A4 (the map above it
 * shows the period's hotspots) or download every table as CSV. Headings follow the province's report conventions.
 */
export function ReportPanel({ onOverlay }: { onOverlay: (overlay: PatrolOverlay) => void }) {
  const { language } = useLanguage();
  const options = useMemo(() => halfYears(), []);
  const [period, setPeriod] = useState(options[1]);
  const report = useQuery({ queryKey: ['report', period], queryFn: ({ signal }) => getJson<Report>(`/api/reports/six-monthly?period=${period}`, signal) });
  const range = report.data?.period;
  const hotspots = useQuery({
    queryKey: ['report-hotspots', range?.from, range?.to],
    queryFn: ({ signal }) => getJson<{ cells: PatrolOverlay['cells']; clusters: PatrolOverlay['clusters']; hotspots: { features: { properties: { rank: number; score: number; incident_count?: number } }[] } }>(`/api/analysis/hotspots?start=${range!.from}&end=${range!.to > new Date().toISOString().slice(0, 10) ? new Date().toISOString().slice(0, 10) : range!.to}`, signal),
    enabled: !!range,
  });
  useEffect(() => onOverlay({ cells: hotspots.data?.cells, clusters: hotspots.data?.clusters }), [hotspots.data, onOverlay]);
  useEffect(() => () => onOverlay({}), [onOverlay]);
  const areas = useBaseCollection('admin_areas');
  const commune = (code: string) => (code === 'none' ? 'Không xác định' : String(areas.data?.features.find((f) => f.properties.level === 'commune' && f.properties.code === code)?.properties.name ?? code));
  const district = (code: string) => (code === 'none' ? 'Không xác định' : String(areas.data?.features.find((f) => f.properties.level === 'district' && f.properties.code === code)?.properties.name ?? code));
  const label = (key: string) => (key === 'none' ? 'Không gắn tài sản' : vocabularyLabel(key, language));
  const data = report.data;
  return (
    <aside className="workspace-panel report-panel" data-testid="report-panel">
      <div className="toolbar no-print">
        <select value={period} data-testid="report-period" onChange={(event) => setPeriod(event.target.value)}>
          {options.map((option) => <option key={option} value={option}>{option.replace('-H1', ' – 6 tháng đầu năm').replace('-H2', ' – 6 tháng cuối năm')}</option>)}
        </select>
        <button type="button" onClick={() => window.print()} disabled={!data}>In (A4)</button>
        <a href={`/api/reports/six-monthly?period=${period}&format=csv`} download>CSV</a>
      </div>
      {report.isPending && <p className="hint"><span className="spinner" />Đang tổng hợp…</p>}
      {report.error && <p className="form-error">{report.error.message}</p>}
      {data && (
        <article className="report">
          <header className="report-head">
            <div className="issuer">{data.issuer.toUpperCase()}<br /><strong>{data.issuedBy.toUpperCase()}</strong></div>
            <div className="nation">CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM<br /><strong>Độc lập – Tự do – Hạnh phúc</strong><br /><em>{data.place}, ngày {vnDate(data.issuedAt)}</em></div>
          </header>
          <h1 data-testid="report-title">BÁO CÁO<br />{data.title.replace('Báo cáo 6 tháng về ', 'Kết quả 6 tháng ').toUpperCase()}</h1>
          <p className="report-period">Kỳ báo cáo: từ {vnDate(data.period.from)} đến {vnDate(data.period.to)} (so sánh với kỳ {data.previousPeriod.label})</p>
          <p className="synthetic-note">Số liệu vụ việc, tài sản của bản demo là dữ liệu mô phỏng.</p>
          <h2>I. Tình hình vụ việc</h2>
          <p data-testid="report-total">Tổng số vụ việc: <strong>{NUMBER.format(data.incidents.total)}</strong> (kỳ trước {NUMBER.format(data.incidents.previousTotal)}{data.incidents.change === null ? '' : `, ${data.incidents.change > 0 ? 'tăng' : 'giảm'} ${NUMBER.format(Math.abs(data.incidents.change))} %`});
            đã giải quyết {NUMBER.format(data.incidents.resolved)}, đang xử lý {NUMBER.format(data.incidents.open)}, báo động giả/trùng {NUMBER.format(data.incidents.dismissed)}.
            Thiệt hại ước tính {VND.format(data.incidents.damageVnd)}; thời gian gián đoạn {NUMBER.format(data.incidents.outageMinutes)} phút.</p>
          <ComparisonChart testId="chart-type" caption="Vụ việc theo loại (cột: kỳ này; vạch: kỳ trước)" rows={data.incidents.byType.map((row) => ({ label: label(row.key), count: row.count, previous: row.previous }))} />
          <CompareTable rows={data.incidents.byType} label={label} heading="Loại vụ việc" />
          <CompareTable rows={data.incidents.byCommune} label={commune} heading="Xã, phường" />
          <ComparisonChart testId="chart-district" caption="Vụ việc theo huyện (cũ)" rows={data.incidents.byDistrict.map((row) => ({ label: district(row.key), count: row.count, previous: row.previous }))} />
          <CompareTable rows={data.incidents.byDistrict} label={district} heading="Huyện (cũ)" />
          <CompareTable rows={data.incidents.byCarrier} label={label} heading="Doanh nghiệp" />
          <h2>II. Mục tiêu, khu vực trọng điểm</h2>
          <p>Đề xuất {data.keyTargets.proposed}; phê duyệt {data.keyTargets.designated}; không phê duyệt {data.keyTargets.rejected}; trả lại {data.keyTargets.returned}; thu hồi {data.keyTargets.revoked}.</p>
          <h2>III. Tuần tra, kiểm soát</h2>
          <p>Kế hoạch tuần tra trong kỳ: {data.patrols.plans} (đã phê duyệt {data.patrols.approved}); tỷ lệ rủi ro được bao phủ bình quân mỗi ngày: {data.patrols.meanCoverage === null ? '—' : `${NUMBER.format(Math.round(data.patrols.meanCoverage * 1000) / 10)} %`}.
            Điểm nóng trong kỳ: {hotspots.data ? hotspots.data.hotspots.features.length : '…'} (bản đồ phía trên).</p>
          <h2>IV. Đường dây nóng</h2>
          <p>Tiếp nhận {data.hotline.received} tin báo: chuyển thành vụ việc {data.hotline.converted}, kết thúc {data.hotline.closed}, đang chờ xử lý {data.hotline.pending}.</p>
          <h2>V. Kiểm tra cơ sở thu mua phế liệu</h2>
          <p>{data.inspections.total} lượt kiểm tra: chấp hành tốt {data.inspections.compliant}, nhắc nhở {data.inspections.warning}, vi phạm {data.inspections.violation}.</p>
        </article>
      )}
    </aside>
  );
}
