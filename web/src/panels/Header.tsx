import type { SearchResult } from '../api/types.ts';
import { useLanguage } from '../i18n/language.tsx';
import { SearchBox } from './SearchBox.tsx';
import { usePatrolText } from '../patrol/messages.ts';
import type { Mode } from '../App.tsx';
import type { SessionUser } from '../auth/session.ts';
import { UserMenu } from '../auth/UserMenu.tsx';
import { useNetworkText } from '../network/messages.ts';
import { useZonesText } from '../zones/messages.ts';

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


/** Title, workspace switch, synthetic-data badge, search box, language toggle and the signed-in user. */
export function Header({ onPick, mode, onMode, user, modes, badges = {} }: HeaderProps) {
  const { language, t, toggleLanguage } = useLanguage();
  const { p } = usePatrolText();
  const n = useNetworkText();
  const z = useZonesText();
  const label = (candidate: Mode) =>
    ({ network: n('modeNetwork'), zones: z('modeZones'), map: p('modeMap'), patrol: p('modePatrol'), cases: language === 'vi' ? 'Vụ việc' : 'Incidents', oversight: language === 'vi' ? 'Giám sát' : 'Oversight', report: language === 'vi' ? 'Báo cáo' : 'Report' })[candidate];
  return (
    <header className="app-header">
      <div className="brand">
        <h1>{t('appTitle')}</h1>
        <span className="subtitle">{t('appSubtitle')}</span>
      </div>
      <nav className="modes" aria-label="workspace">
        {modes.map((candidate) => (
          <button key={candidate} type="button" className={mode === candidate ? 'active' : ''} data-testid={`mode-${candidate}`} onClick={() => onMode(candidate)}>
            {label(candidate)}
            {(badges[candidate] ?? 0) > 0 && <span className="mode-badge" data-testid={`mode-badge-${candidate}`}>{badges[candidate]}</span>}
          </button>
        ))}
      </nav>
      <div className="synthetic-badge" data-testid="synthetic-badge" role="note" title={t('syntheticBadge')}>{t('syntheticShort')}</div>
      <SearchBox onPick={onPick} />
      <button type="button" className="lang-toggle" data-testid="lang-toggle" onClick={toggleLanguage} lang={language === 'vi' ? 'en' : 'vi'} translate="no">{t('languageToggle')}</button>
      <UserMenu user={user} />
    </header>
  );
}
