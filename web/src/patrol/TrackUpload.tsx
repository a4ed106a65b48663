import { useMutation } from '@tanstack/react-query';
import { sendText } from '../api/client.ts';
import { useLanguage } from '../i18n/language.tsx';

type Measure = { visitedStops: unknown[]; missedStops: unknown[]; riskCovered: number; stopShare: number };

/** Upload the GPX of a patrol carried out and see how much of the plan it covered. */
export function TrackUpload({ planId }: { planId: string }) {
  const { language } = useLanguage();
  const vi = language === 'vi';
  const upload = useMutation({ mutationFn: (text: string) => sendText<Measure>(`/api/patrol-plans/${encodeURIComponent(planId)}/tracks`, text, 'application/gpx+xml') });
  const percent = (share: number) => `${new Intl.NumberFormat(vi ? 'vi-VN' : 'en-GB', { maximumFractionDigits: 1 }).format(share * 100)} %`;
  return (
    <div className="track-upload no-print" data-testid="track-upload">
      <label>{vi ? 'Nạp GPX tuần tra đã thực hiện' : 'Upload the GPX of a patrol carried out'}
        <input type="file" accept=".gpx" onChange={async (event) => { const file = event.target.files?.[0]; if (file) upload.mutate(await file.text()); }} />
      </label>
      {upload.isPending && <span className="spinner" />}
      {upload.error && <p className="form-error">{upload.error.message}</p>}
      {upload.data && (
        <p className="notice">
          {vi ? 'Điểm dừng đã qua' : 'Stops visited'}: {upload.data.visitedStops.length}/{upload.data.visitedStops.length + upload.data.missedStops.length} ({percent(upload.data.stopShare)});{' '}
          {vi ? 'rủi ro được bao phủ' : 'risk covered'}: <strong>{percent(upload.data.riskCovered)}</strong>
        </p>
      )}
    </div>
  );
}
