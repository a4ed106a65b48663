import type { SearchResult } from '../api/types.ts';
import { useLanguage } from '../i18n/language.tsx';
import { SearchBox } from './SearchBox.tsx';
import { usePatrolText } from '../patrol/messages.ts';
import type { Mode } from '../App.tsx';

/** Title, workspace switch, synthetic-data badge, search box and language toggle. */
export function Header({ onPick, mode, onMode }: { onPick: (result: SearchResult) => void; mode: Mode; onMode: (mode: Mode) => void }) {
  const { t, toggleLanguage } = useLanguage();
  const { p } = usePatrolText();
  return (
    <header className="app-header">
      <div className="brand">
        <h1>{t('appTitle')}</h1>
        <span className="subtitle">{t('appSubtitle')}</span>
      </div>
      <nav className="modes" aria-label="workspace">
        <button type="button" className={mode === 'map' ? 'active' : ''} data-testid="mode-map" onClick={() => onMode('map')}>{p('modeMap')}</button>
        <button type="button" className={mode === 'patrol' ? 'active' : ''} data-testid="mode-patrol" onClick={() => onMode('patrol')}>{p('modePatrol')}</button>
      </nav>
      <div className="synthetic-badge" data-testid="synthetic-badge" role="note">{t('syntheticBadge')}</div>
      <SearchBox onPick={onPick} />
      <button type="button" className="lang-toggle" data-testid="lang-toggle" onClick={toggleLanguage}>{t('languageToggle')}</button>
    </header>
  );
}
