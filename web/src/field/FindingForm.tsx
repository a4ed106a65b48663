import { useState } from 'react';
import { FINDING_KINDS, INCIDENT_TYPES } from '../../../server/collections/vocabulary.ts';
import { useLanguage } from '../i18n/language.tsx';
import { vocabularyLabel } from '../i18n/vocabulary-labels.ts';
import { PhotoPicker } from '../photos/PhotoPicker.tsx';
import type { ResizedPhoto } from '../photos/resize.ts';
import { useFieldText, type FieldKey } from './messages.ts';

export type FindingDraft = { kind: (typeof FINDING_KINDS)[number]; note: string; photo: ResizedPhoto | null; incidentType: (typeof INCIDENT_TYPES)[number] | null };

/** A finding at a stop: what was found, a note, a photo, and — for damage, or when the officer says so — an incident. */
export function FindingForm({ onSave, onCancel }: { onSave: (draft: FindingDraft) => void; onCancel: () => void }) {
  const f = useFieldText();
  const { language } = useLanguage();
  const [draft, setDraft] = useState<FindingDraft>({ kind: 'cable_damaged', note: '', photo: null, incidentType: 'cable_cut' });
  const incidentRequired = draft.kind === 'cable_damaged';
  const incidentAllowed = draft.kind !== 'nothing_found';
  return (
    <form className="finding-form" data-testid="finding-form" onSubmit={(event) => { event.preventDefault(); onSave({ ...draft, incidentType: incidentAllowed ? draft.incidentType : null }); }}>
      <label>{f('kind')}
        <select data-testid="finding-kind" value={draft.kind} onChange={(event) => {
          const kind = event.target.value as FindingDraft['kind'];
          setDraft({ ...draft, kind, incidentType: kind === 'cable_damaged' ? draft.incidentType ?? 'cable_cut' : null });
        }}>
          {FINDING_KINDS.map((kind) => <option key={kind} value={kind}>{f(kind as FieldKey)}</option>)}
        </select>
      </label>
      {incidentAllowed && !incidentRequired && (
        <label className="inline"><input type="checkbox" checked={draft.incidentType !== null} onChange={(event) => setDraft({ ...draft, incidentType: event.target.checked ? 'other' : null })} />{f('asIncident')}</label>
      )}
      {draft.incidentType !== null && (
        <label>{f('incidentType')}
          <select data-testid="finding-incident-type" value={draft.incidentType} onChange={(event) => setDraft({ ...draft, incidentType: event.target.value as FindingDraft['incidentType'] })}>
            {INCIDENT_TYPES.filter((type) => type !== 'sim_box').map((type) => <option key={type} value={type}>{vocabularyLabel(type, language)}</option>)}
          </select>
        </label>
      )}
      <label>{f('note')}<textarea rows={3} maxLength={2000} data-testid="finding-note" value={draft.note} onChange={(event) => setDraft({ ...draft, note: event.target.value })} /></label>
      <PhotoPicker label={f('photo')} note={f('photoNote')} photo={draft.photo} onPhoto={(photo) => setDraft({ ...draft, photo })} testId="finding-photo"
        text={{ shrinking: f('photoShrinking'), failed: f('photoFailed'), remove: f('photoRemove') }} />
      <div className="toolbar">
        <button type="button" onClick={onCancel}>{f('cancel')}</button>
        <button type="submit" className="primary" data-testid="finding-save">{f('saveFinding')}</button>
      </div>
    </form>
  );
}
