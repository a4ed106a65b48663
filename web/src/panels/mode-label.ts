import type { Mode } from '../App.tsx';
import { useLanguage } from '../i18n/language.tsx';
import { useNetworkText } from '../network/messages.ts';
import { usePatrolText } from '../patrol/messages.ts';
import { useZonesText } from '../zones/messages.ts';

/** The name of each workspace, in the header, the menu and on its panel's handle. */
export function useModeLabel(): (mode: Mode) => string {
  const { t } = useLanguage();
  const { p } = usePatrolText();
  const n = useNetworkText();
  const z = useZonesText();
  return (mode) => ({
    map: p('modeMap'), cases: t('modeCases'), network: n('modeNetwork'), zones: z('modeZones'),
    patrol: p('modePatrol'), report: t('modeReport'), oversight: t('modeOversight'),
  })[mode];
}
