import { useLanguage } from '../i18n/language.tsx';
import { vocabularyLabel } from '../i18n/vocabulary-labels.ts';
import type { LiveAlarm } from './use-live-alarms.ts';

const TIME = new Intl.DateTimeFormat('vi-VN', { hour: '2-digit', minute: '2-digit', second: '2-digit', timeZone: 'Asia/Ho_Chi_Minh' });

/** Notices of live alarms, newest first: where, whose, when; "show" flies the map there, × dismisses. */
export function AlarmNotices({ alarms, onShow, onDismiss, onOpenCase }: { alarms: LiveAlarm[]; onShow: (alarm: LiveAlarm) => void; onDismiss: (id: number) => void; onOpenCase: (id: number) => void }) {
  const { language } = useLanguage();
  if (alarms.length === 0) return null;
  const vi = language === 'vi';
  return (
    <div className="alarm-notices" role="alert" data-testid="alarm-notices">
      {alarms.map((alarm) => (
        <div key={alarm.id} className="alarm-notice" data-testid="alarm-notice">
          <strong>{alarm.cleared ? (vi ? 'Kết thúc báo động' : 'Alarm cleared') : (vi ? 'Báo động đột nhập' : 'Intrusion alarm')}</strong>
          {' '}#{alarm.id} · {alarm.owner ? vocabularyLabel(alarm.owner, language) : '—'} · {TIME.format(alarm.receivedAt)}
          <button type="button" onClick={() => onShow(alarm)}>{vi ? 'Xem' : 'Show'}</button>
          <button type="button" data-testid="alarm-open-case" onClick={() => onOpenCase(alarm.id)}>{vi ? 'Mở hồ sơ' : 'Open case'}</button>
          <button type="button" aria-label={vi ? 'Đóng' : 'Dismiss'} onClick={() => onDismiss(alarm.id)}>×</button>
        </div>
      ))}
    </div>
  );
}
