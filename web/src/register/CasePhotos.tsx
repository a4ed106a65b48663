import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { SessionUser } from '../auth/session.ts';
import { formatWhen } from '../format/format-value.ts';
import { useErrorText } from '../i18n/errors.ts';
import { uploadPhoto, type Attachment, type CaseFile } from './api.ts';
import { useRegisterText } from './messages.ts';

const MAX_BYTES = 8 * 1024 * 1024;

/**
 * The case's photos — uploaded to it from the field or the office, the citizen's from the hotline report and the
 * patrols' from their findings (`extra`) — and, for those who may, an upload.
 */
export function CasePhotos({ file, user, extra = [] }: { file: CaseFile; user: SessionUser; extra?: Attachment[] }) {
  const r = useRegisterText();
  const errorText = useErrorText();
  const client = useQueryClient();
  const [caption, setCaption] = useState('');
  const [tooLarge, setTooLarge] = useState(false);
  const upload = useMutation({
    mutationFn: (photo: File) => uploadPhoto(file.incident.id, photo, caption),
    onSuccess: () => { setCaption(''); void client.invalidateQueries({ queryKey: ['case', file.incident.id] }); },
  });
  const photos = [...extra, ...file.attachments];
  const mayUpload = user.role !== 'dic_reviewer' && user.role !== 'viewer';
  const source = (photo: Attachment) => ({ field: r('fromField'), office: r('fromOffice'), hotline: r('fromHotline'), patrol: r('fromPatrol') })[photo.source];
  return (
    <section data-testid="case-photos">
      <h3>{r('photos')}</h3>
      {photos.length === 0 && <p className="hint">{r('noPhotos')}</p>}
      <ul className="case-photos">
        {photos.map((photo) => (
          <li key={`${photo.source}-${photo.id}`}>
            <a href={photo.href} target="_blank" rel="noreferrer"><img src={photo.href} alt={photo.caption ?? r('photos')} loading="lazy" data-testid="case-photo" /></a>
            <span className="muted">{photo.caption && <span translate="no">{photo.caption} · </span>}{source(photo)} · {formatWhen(photo.uploadedAt)}</span>
          </li>
        ))}
      </ul>
      {mayUpload && (
        <div className="toolbar wrap">
          <input placeholder={r('caption')} aria-label={r('caption')} value={caption} maxLength={500} onChange={(event) => setCaption(event.target.value)} />
          <label className="file-button">{r('addPhoto')}
            <input type="file" accept="image/jpeg,image/png,image/webp" capture="environment" data-testid="case-photo-input" onChange={(event) => {
              const photo = event.target.files?.[0];
              event.target.value = '';
              setTooLarge(!!photo && photo.size > MAX_BYTES);
              if (photo && photo.size <= MAX_BYTES) upload.mutate(photo);
            }} />
          </label>
          {upload.isPending && <span className="spinner" />}
        </div>
      )}
      {tooLarge && <p className="form-error">{r('photoTooLarge')}</p>}
      {upload.error && <p className="form-error" role="alert">{errorText(upload.error)}</p>}
    </section>
  );
}
