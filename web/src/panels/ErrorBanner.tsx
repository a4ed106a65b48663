import type { LayerState } from '../state/use-layer-data.ts';
import { useLanguage } from '../i18n/language.tsx';
import { vocabularyLabel } from '../i18n/vocabulary-labels.ts';

/** A toast listing the layers that failed to load, with the API's message and a retry. */
export function ErrorBanner({ layers }: { layers: Record<string, LayerState> }) {
  const { language, t } = useLanguage();
  const failed = Object.entries(layers).filter(([, state]) => state.error);
  if (failed.length === 0) return null;
  return (
    <div className="error-banner" role="alert" data-testid="error-banner">
      {failed.map(([collection, state]) => (
        <div key={collection}>
          <strong>{t('errorLoading')}: {vocabularyLabel(collection, language)}</strong> — {state.error?.message}
          <button type="button" onClick={state.refetch}>{t('retry')}</button>
        </div>
      ))}
    </div>
  );
}
