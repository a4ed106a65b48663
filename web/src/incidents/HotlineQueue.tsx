import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { INCIDENT_TYPES } from '../../../server/collections/vocabulary.ts';
import { formatWhen } from '../format/format-value.ts';
import { useLanguage } from '../i18n/language.tsx';
import { vocabularyLabel } from '../i18n/vocabulary-labels.ts';
import { closeReport, convertReport, fetchHotline, type HotlineReport } from './api.ts';


type Converted = { incidentId: number; trackingCode: string; duplicates: number[] };

function Report({ report, police, onShow, onConverted }: { report: HotlineReport; police: boolean; onShow: (lonLat: [number, number]) => void; onConverted: (result: Converted) => void }) {
  const { language } = useLanguage();
  const vi = language === 'vi';
  const queryClient = useQueryClient();
  const [type, setType] = useState('cable_theft');
  const [reason, setReason] = useState('');
  const done = () => {
    for (const key of [['hotline-queue'], ['collection', 'incidents'], ['register']]) void queryClient.invalidateQueries({ queryKey: key });
  };
  const convert = useMutation({
    mutationFn: () => convertReport(report.id, type),
    onSuccess: (result) => {
      onConverted({ incidentId: Number(result.incident.id), trackingCode: report.trackingCode, duplicates: result.possibleDuplicates.map((d) => d.id) });
      done();
    },
  });
  const close = useMutation({ mutationFn: () => closeReport(report.id, reason.trim()), onSuccess: done });
  const contact = report.contact === 'hidden' ? (vi ? '(chỉ Công an xem)' : '(police only)') : report.contact ? [report.contact.name, report.contact.phone].filter(Boolean).join(' · ') : '—';
  return (
    <li className="hotline-report" data-testid="hotline-report">
      <div><strong>{report.trackingCode}</strong> · {formatWhen(report.seenAt)} <button type="button" className="link" onClick={() => onShow([report.lon, report.lat])}>{vi ? 'Xem vị trí' : 'Show'}</button></div>
      {/* React escapes text: a report's words are shown, never run. */}
      <p className="report-text">{report.description}</p>
      <div className="hint">{vi ? 'Liên lạc' : 'Contact'}: {contact}</div>
      {report.photo === 'hidden' && <div className="hint">{vi ? 'Có ảnh (chỉ Công an xem)' : 'Photo attached (police only)'}</div>}
      {report.photo && report.photo !== 'hidden' && (
        <a href={report.photo} target="_blank" rel="noreferrer"><img className="report-photo" data-testid="hotline-report-photo" src={report.photo} alt={vi ? 'Ảnh người báo tin gửi' : "The reporter's photo"} loading="lazy" /></a>
      )}
      {police && (
        <div className="toolbar wrap">
          <select value={type} onChange={(event) => setType(event.target.value)}>{INCIDENT_TYPES.map((value) => <option key={value} value={value}>{vocabularyLabel(value, language)}</option>)}</select>
          <button type="button" onClick={() => convert.mutate()} disabled={convert.isPending}>{vi ? 'Chuyển thành vụ việc' : 'Make an incident'}</button>
          <input placeholder={vi ? 'Lý do kết thúc' : 'Reason to close'} value={reason} onChange={(event) => setReason(event.target.value)} />
          <button type="button" onClick={() => close.mutate()} disabled={!reason.trim() || close.isPending}>{vi ? 'Kết thúc' : 'Close'}</button>
        </div>
      )}
      {(convert.error ?? close.error) && <p className="form-error">{(convert.error ?? close.error)!.message}</p>}
    </li>
  );
}

/** The hotline queue: reports awaiting triage; police convert or close them, the DIC reads them without contacts. */
export function HotlineQueue({ police, onShow, onOpenCase }: { police: boolean; onShow: (lonLat: [number, number]) => void; onOpenCase: (id: number) => void }) {
  const { language } = useLanguage();
  const queue = useQuery({ queryKey: ['hotline-queue'], queryFn: ({ signal }) => fetchHotline(signal), refetchInterval: 30_000 });
  // Kept here, not in the report's row: a converted report leaves the queue as soon as the list refreshes.
  const [converted, setConverted] = useState<Converted | null>(null);
  const vi = language === 'vi';
  return (
    <section data-testid="hotline-queue">
      <h3>{vi ? 'Tin báo của người dân chờ xử lý' : 'Citizen reports awaiting triage'}</h3>
      {queue.isPending && <span className="spinner" />}
      {queue.error && <p className="form-error">{queue.error.message}</p>}
      {converted && (
        <p className="notice" role="status" data-testid="converted-notice">
          <span translate="no">{converted.trackingCode}</span>: {vi ? 'đã tạo vụ việc' : 'incident created'}{' '}
          <button type="button" className="link" data-testid="converted-case-link" onClick={() => onOpenCase(converted.incidentId)}>#{converted.incidentId}</button>
          {converted.duplicates.length > 0 && <> · {vi ? 'có thể trùng' : 'possible duplicates'}:{' '}
            {converted.duplicates.map((id) => <button key={id} type="button" className="link" onClick={() => onOpenCase(id)}>#{id} </button>)}</>}
        </p>
      )}
      {queue.data?.reports.length === 0 && <p className="hint">{vi ? 'Không có tin báo mới.' : 'No new report.'}</p>}
      <ul className="queue">{queue.data?.reports.map((report) => <Report key={report.id} report={report} police={police} onShow={onShow} onConverted={setConverted} />)}</ul>
    </section>
  );
}
