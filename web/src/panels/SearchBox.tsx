import { useEffect, useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { fetchSearch } from '../api/endpoints.ts';
import { queryKeys } from '../api/query-keys.ts';
import type { SearchResult } from '../api/types.ts';
import { useLanguage } from '../i18n/language.tsx';
import { vocabularyLabel } from '../i18n/vocabulary-labels.ts';

const DEBOUNCE_MS = 250;

function useDebounced(value: string): string {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [value]);
  return debounced;
}

/** Debounced search over /api/search; Enter or a click picks a result, which the map fits to. */
export function SearchBox({ onPick }: { onPick: (result: SearchResult) => void }) {
  const { language, t } = useLanguage();
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const query = useDebounced(text.trim());
  const search = useQuery({
    queryKey: queryKeys.search(query),
    queryFn: ({ signal }) => fetchSearch(query, 10, signal),
    enabled: query.length >= 2,
    placeholderData: keepPreviousData,
  });
  const results = query.length >= 2 ? (search.data?.results ?? []) : [];
  const pick = (result: SearchResult) => {
    onPick(result);
    setText(result.label);
    setOpen(false);
  };
  return (
    <div className="search">
      <input
        type="search" data-testid="search-input" placeholder={t('searchPlaceholder')} value={text} aria-label={t('searchPlaceholder')}
        onChange={(event) => { setText(event.target.value); setOpen(true); }}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && results[0]) pick(results[0]);
          if (event.key === 'Escape') setOpen(false);
        }}
      />
      {search.isFetching && <span className="spinner search-spinner" />}
      {open && query.length >= 2 && (
        <ul className="search-results" role="listbox">
          {search.error && <li className="error-text">{search.error.message}</li>}
          {!search.isFetching && !search.error && results.length === 0 && <li className="muted">{t('searchNoResults')}</li>}
          {results.map((result) => (
            <li key={`${result.collection}/${result.id}`} data-testid="search-result" role="option" aria-selected={false} onClick={() => pick(result)}>
              <strong>{result.label}</strong>
              <span className="muted">{vocabularyLabel(result.collection, language)}{result.detail ? ` · ${result.detail}` : ''}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
