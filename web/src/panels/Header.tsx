import type { SearchResult } from '../api/types.ts';
import { useLanguage } from '../i18n/language.tsx';
import { SearchBox } from './SearchBox.tsx';

/** Title, synthetic-data badge, search box and language toggle. */
export function Header({ onPick }: { onPick: (result: SearchResult) => void }) {
  const { t, toggleLanguage } = useLanguage();
  return (
    <header className="app-header">
      <div className="brand">
        <h1>{t('appTitle')}</h1>
        <span className="subtitle">{t('appSubtitle')}</span>
      </div>
      <div className="synthetic-badge" data-testid="synthetic-badge" role="note">{t('syntheticBadge')}</div>
      <SearchBox onPick={onPick} />
      <button type="button" className="lang-toggle" data-testid="lang-toggle" onClick={toggleLanguage}>{t('languageToggle')}</button>
    </header>
  );
}
