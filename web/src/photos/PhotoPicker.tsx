import { useEffect, useState } from 'react';
import { resizePhoto, type ResizedPhoto } from './resize.ts';

type PhotoPickerProps = {
  label: string;
  note: string;
  photo: ResizedPhoto | null;
  onPhoto: (photo: ResizedPhoto | null) => void;
  text: { shrinking: string; failed: string; remove: string };
  testId: string;
};

const KB = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 0 });

/** Picks a photo (camera or gallery), shrinks it in the browser (≤ 1 MB JPEG) and shows what will be sent. */
export function PhotoPicker({ label, note, photo, onPhoto, text, testId }: PhotoPickerProps) {
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const [preview, setPreview] = useState<string | null>(null);
  useEffect(() => {
    if (!photo) return setPreview(null);
    const url = URL.createObjectURL(photo.blob);
    setPreview(url);
    return () => URL.revokeObjectURL(url);
  }, [photo]);
  return (
    <div className="photo-picker">
      <label>{label}
        <input type="file" accept="image/*" data-testid={testId} disabled={busy}
          onChange={(event) => {
            const file = event.target.files?.[0];
            event.target.value = '';
            if (!file) return;
            setBusy(true);
            setFailed(false);
            resizePhoto(file).then(onPhoto, () => setFailed(true)).finally(() => setBusy(false));
          }} />
      </label>
      <span className="hint">{note}</span>
      {busy && <p className="hint" role="status"><span className="spinner" />{text.shrinking}</p>}
      {failed && <p className="field-problem">{text.failed}</p>}
      {photo && preview && (
        <figure className="photo-preview" data-testid={`${testId}-preview`}>
          <img src={preview} alt="" />
          <figcaption>{photo.width} × {photo.height} px · {KB.format(photo.blob.size / 1024)} KB
            <button type="button" className="link" onClick={() => onPhoto(null)}>{text.remove}</button>
          </figcaption>
        </figure>
      )}
    </div>
  );
}
