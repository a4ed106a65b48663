import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { CARRIERS } from '../../../server/collections/vocabulary.ts';
import { formatWhen } from '../format/format-value.ts';
import { useLanguage } from '../i18n/language.tsx';
import { vocabularyLabel } from '../i18n/vocabulary-labels.ts';
import { fetchBulletins, publishBulletin } from './api.ts';


/** Police warnings on criminals' methods: carriers read those addressed to them; police publish to all or chosen carriers. */
export function Bulletins({ canPublish }: { canPublish: boolean }) {
  const { language } = useLanguage();
  const vi = language === 'vi';
  const queryClient = useQueryClient();
  const list = useQuery({ queryKey: ['bulletins'], queryFn: ({ signal }) => fetchBulletins(signal) });
  const [draft, setDraft] = useState({ title: '', body: '', audience: [] as string[] });
  const publish = useMutation({
    mutationFn: () => publishBulletin({ title: draft.title.trim(), body: draft.body.trim(), audience: draft.audience.length ? draft.audience : 'all', severity: 'warning' }),
    onSuccess: () => { setDraft({ title: '', body: '', audience: [] }); void queryClient.invalidateQueries({ queryKey: ['bulletins'] }); },
  });
  return (
    <section data-testid="bulletins">
      <h3>{vi ? 'Cảnh báo phương thức, thủ đoạn' : "Warnings on criminals' methods"}</h3>
      {canPublish && (
        <div className="bulletin-form">
          <input placeholder={vi ? 'Tiêu đề' : 'Title'} value={draft.title} onChange={(event) => setDraft({ ...draft, title: event.target.value })} />
          <textarea rows={3} placeholder={vi ? 'Nội dung' : 'Text'} value={draft.body} onChange={(event) => setDraft({ ...draft, body: event.target.value })} />
          <div className="choice-group">
            {CARRIERS.map((carrier) => (
              <label key={carrier}><input type="checkbox" checked={draft.audience.includes(carrier)}
                onChange={(event) => setDraft({ ...draft, audience: event.target.checked ? [...draft.audience, carrier] : draft.audience.filter((item) => item !== carrier) })} />{vocabularyLabel(carrier, language)}</label>
            ))}
          </div>
          <p className="hint">{vi ? 'Không chọn doanh nghiệp nào = gửi tất cả.' : 'No carrier ticked = all carriers.'}</p>
          <button type="button" disabled={!draft.title.trim() || !draft.body.trim() || publish.isPending} onClick={() => publish.mutate()}>{vi ? 'Gửi cảnh báo' : 'Publish'}</button>
          {publish.error && <p className="form-error">{publish.error.message}</p>}
        </div>
      )}
      {list.data?.bulletins.length === 0 && <p className="hint">{vi ? 'Chưa có cảnh báo.' : 'No warnings yet.'}</p>}
      <ul className="queue">
        {list.data?.bulletins.map((bulletin) => (
          <li key={bulletin.id}>
            <strong>{bulletin.title}</strong> <span className="hint">· {bulletin.publishedBy} · {formatWhen(bulletin.publishedAt)}
              · {bulletin.audience === 'all' ? (vi ? 'tất cả doanh nghiệp' : 'all carriers') : bulletin.audience.map((code) => vocabularyLabel(code, language)).join(', ')}</span>
            <p className="report-text">{bulletin.body}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}
