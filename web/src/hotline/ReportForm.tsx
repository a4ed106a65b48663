import { useState } from 'react';
import { useLanguage } from '../i18n/language.tsx';
import { PhotoPicker } from '../photos/PhotoPicker.tsx';
import type { ResizedPhoto } from '../photos/resize.ts';
import { useHotlineText } from './messages.ts';

const MAX_DESCRIPTION = 2000;
/** Now as a datetime-local value in Vietnam time (UTC+7). */
const nowLocal = () => new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 16);

export type ReportDraft = { description: string; seenAt: string; name: string; phone: string; photo: ResizedPhoto | null };
export const emptyDraft = (): ReportDraft => ({ description: '', seenAt: nowLocal(), name: '', phone: '', photo: null });
/** The instant a datetime-local value in Vietnam time stands for. */
export const seenInstant = (seenAt: string) => new Date(`${seenAt}:00+07:00`);

type ReportFormProps = { draft: ReportDraft; onDraft: (draft: ReportDraft) => void; onBack: () => void; onSend: () => void; error: string | null; busy: boolean };

/** The short form: what was seen, when, an optional contact and an optional photo. */
export function ReportForm({ draft, onDraft, onBack, onSend, error, busy }: ReportFormProps) {
  const { t } = useLanguage();
  const h = useHotlineText();
  const [tried, setTried] = useState(false);
  const future = seenInstant(draft.seenAt).getTime() > Date.now() + 60_000;
  const set = (change: Partial<ReportDraft>) => onDraft({ ...draft, ...change });
  return (
    <form className="report-form" onSubmit={(event) => {
      event.preventDefault();
      setTried(true);
      if (draft.description.trim() !== '' && !future) onSend();
    }}>
      <label>{h('what')}
        <textarea rows={4} maxLength={MAX_DESCRIPTION} data-testid="hotline-description" placeholder={h('whatPlaceholder')} value={draft.description} onChange={(event) => set({ description: event.target.value })} />
        <span className="hint">{draft.description.length}/{MAX_DESCRIPTION} {h('chars')}</span>
      </label>
      {tried && draft.description.trim() === '' && <p className="field-problem">{t('problemRequired')}</p>}
      <label>{h('when')}<input type="datetime-local" data-testid="hotline-seen-at" value={draft.seenAt} max={nowLocal()} onChange={(event) => set({ seenAt: event.target.value })} /></label>
      {future && <p className="field-problem">{h('whenFuture')}</p>}
      <fieldset>
        <legend>{h('contact')}</legend>
        <p className="hint">{h('contactNote')}</p>
        <label>{h('name')}<input value={draft.name} maxLength={100} autoComplete="name" onChange={(event) => set({ name: event.target.value })} /></label>
        <label>{h('phone')}<input value={draft.phone} maxLength={20} inputMode="tel" autoComplete="tel" onChange={(event) => set({ phone: event.target.value })} /></label>
      </fieldset>
      <PhotoPicker label={h('photo')} note={h('photoNote')} photo={draft.photo} onPhoto={(photo) => set({ photo })} testId="hotline-photo"
        text={{ shrinking: h('photoShrinking'), failed: h('photoFailed'), remove: h('photoRemove') }} />
      {error && <p className="form-error" role="alert">{error}</p>}
      <div className="toolbar">
        <button type="button" onClick={onBack}>{h('back')}</button>
        <button type="submit" className="primary" data-testid="hotline-send" disabled={busy}>{busy ? h('sending') : h('send')}</button>
      </div>
    </form>
  );
}
