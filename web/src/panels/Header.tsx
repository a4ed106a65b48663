import { useEffect, useState } from 'react';
import type { SearchResult } from '../api/types.ts';
import { useAppTitle } from '../area/use-app-title.ts';
import { useLanguage } from '../i18n/language.tsx';
import { SearchBox } from './SearchBox.tsx';
import type { Mode } from '../App.tsx';
import type { SessionUser } from '../auth/session.ts';
import { UserMenu } from '../auth/UserMenu.tsx';
import { useMediaQuery } from '../layout/breakpoints.ts';
import { useModeLabel } from './mode-label.ts';

type HeaderProps = {
  onPick: (result: SearchResult) => void;
  mode: Mode;
  onMode: (mode: Mode) => void;
  user: SessionUser;
  /** Workspaces this user's role may open. */
  modes: readonly Mode[];
  /** Counts shown on a workspace's button (new and overdue cases on the register). */
  badges?: Partial<Record<Mode, number>>;
};

/** Below this the workspace switch, language and user go into a menu: they do not fit one row (app.css: `.app-header`). */
const MENU_QUERY = '(max-width: 1099px), (max-height: 500px)';

/** A count as a badge shows it: past 99 "99+", so it fits the 44 px menu button. */
const badgeText = (count: number): string => (count > 99 ? '99+' : String(count));

function Modes({ modes, mode, onMode, badges }: { modes: readonly Mode[]; mode: Mode; onMode: (mode: Mode) => void; badges: Partial<Record<Mode, number>> }) {
  const { t } = useLanguage();
  const label = useModeLabel();
  return (
    <nav className="modes" aria-label={t('workspaces')}>
      {modes.map((candidate) => (
        <button key={candidate} type="button" className={mode === candidate ? 'active' : ''} aria-current={mode === candidate ? 'page' : undefined}
          data-testid={`mode-${candidate}`} onClick={() => onMode(candidate)}>
          {label(candidate)}
          {(badges[candidate] ?? 0) > 0 && <span className="mode-badge" data-testid={`mode-badge-${candidate}`}>{badgeText(badges[candidate]!)}</span>}
        </button>
      ))}
    </nav>
  );
}

/**
 * Title, workspace switch, synthetic-data badge, search box, language toggle and the signed-in user. On phones and
 * tablets one row: the menu button, search and the badge; the rest opens in a menu drawer.
 */
export function Header({ onPick, mode, onMode, user, modes, badges = {} }: HeaderProps) {
  const { language: current, t, toggleLanguage } = useLanguage();
  const title = useAppTitle();
  const collapsed = useMediaQuery(MENU_QUERY);
  const [menuOpen, setMenuOpen] = useState(false);
  useEffect(() => {
    if (!menuOpen) return;
    const onKey = (event: KeyboardEvent) => { if (event.key === 'Escape') setMenuOpen(false); };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [menuOpen]);
  const badge = <div className="synthetic-badge" data-testid="synthetic-badge" role="note" title={t('syntheticBadge')}>{t('syntheticShort')}</div>;
  const language = <button type="button" className="lang-toggle" data-testid="lang-toggle" onClick={toggleLanguage} lang={current === 'vi' ? 'en' : 'vi'} translate="no">{t('languageToggle')}</button>;
  const brand = <div className="brand"><h1 data-testid="app-title">{title}</h1><span className="subtitle">{t('appSubtitle')}</span></div>;
  if (!collapsed) {
    return (
      <header className="app-header" data-testid="app-header">
        {brand}
        <Modes modes={modes} mode={mode} onMode={onMode} badges={badges} />
        {badge}
        <SearchBox onPick={onPick} />
        {language}
        <UserMenu user={user} />
      </header>
    );
  }
  // The register's new and overdue cases, shown on the menu button as the desktop shows them on the workspace's.
  const waiting = Object.values(badges).reduce((sum, count) => sum + (count ?? 0), 0);
  return (
    <header className="app-header app-header-compact" data-testid="app-header">
      <button type="button" className="menu-button" data-testid="menu-button" aria-label={waiting > 0 ? `${t('menu')} (${waiting})` : t('menu')} aria-expanded={menuOpen} onClick={() => setMenuOpen(true)}>
        <span aria-hidden="true">☰</span>
        {waiting > 0 && <span className="mode-badge menu-badge" data-testid="menu-badge" aria-hidden="true">{badgeText(waiting)}</span>}
      </button>
      <SearchBox onPick={onPick} />
      {badge}
      {menuOpen && (
        <div className="menu-layer" data-testid="menu">
          <button type="button" className="menu-backdrop" aria-label={t('menuClose')} tabIndex={-1} onClick={() => setMenuOpen(false)} />
          <div className="menu-drawer" role="dialog" aria-modal="true" aria-label={t('menu')}>
            <div className="menu-head">
              {brand}
              <button type="button" className="sheet-close" data-testid="menu-close" aria-label={t('menuClose')} onClick={() => setMenuOpen(false)}>×</button>
            </div>
            <Modes modes={modes} mode={mode} onMode={(next) => { onMode(next); setMenuOpen(false); }} badges={badges} />
            {language}
            <UserMenu user={user} />
          </div>
        </div>
      )}
    </header>
  );
}
