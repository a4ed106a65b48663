import type { ThematicLayer } from '../map/layer-ids.ts';
import { FACILITY_GLYPHS, ICON_SIZE_PX, spriteLayout } from '../map/icons.ts';
import { SYMBOLOGY } from '../map/symbology.ts';
import { useLanguage } from '../i18n/language.tsx';
import { vocabularyLabel } from '../i18n/vocabulary-labels.ts';

const SHOWN_PX = 18;
const sheet = spriteLayout();

/** One sprite image as a legend swatch: the same sheet the map draws from (web/public/sprite, built from Maki). */
export function SpriteSwatch({ icon }: { icon: string }) {
  const at = sheet.index.get(icon);
  if (!at) return null;
  const scale = SHOWN_PX / ICON_SIZE_PX;
  return (
    <span className="swatch swatch-icon" aria-hidden="true" data-icon={icon} style={{
      width: SHOWN_PX, height: SHOWN_PX, backgroundImage: 'url(/sprite/sprite@2x.png)',
      backgroundSize: `${sheet.width * scale}px ${sheet.height * scale}px`, backgroundPosition: `-${at.x * scale}px -${at.y * scale}px`,
    }} />
  );
}

/** Legend rows of each thematic layer: icon id (or line colour) and the vocabulary code it stands for. */
const ROWS: Record<ThematicLayer, { code: string; icon?: string; colour?: string; ring?: string; shape?: 'line' | 'area' | 'dot' }[]> = {
  key_targets: Object.entries(SYMBOLOGY.keyTargetColours).map(([code, colour]) => ({ code, colour, shape: 'area' as const })),
  cable_routes: Object.entries(SYMBOLOGY.ownerColours).map(([code, colour]) => ({ code, colour, shape: 'line' as const })),
  facilities: Object.keys(FACILITY_GLYPHS).map((code) => ({ code, icon: `facility-${code}-other` })),
  bts_sites: Object.keys(SYMBOLOGY.ownerColours).map((code) => ({ code, icon: `bts-${code}` })),
  scrap_dealers: Object.keys(SYMBOLOGY.inspectionColours).map((code) => ({ code, icon: `dealer-${code}` })),
  service_agents: Object.entries(SYMBOLOGY.inspectionColours).map(([code, colour]) => ({ code, colour, ring: SYMBOLOGY.serviceAgentRing, shape: 'dot' as const })),
  incidents: Object.keys(SYMBOLOGY.incidentColours).map((code) => ({ code, icon: `incident-${code}` })),
  police_stations: [{ code: 'police_stations', icon: 'police-station' }],
};

/** The legend of one thematic layer, drawn from the same symbology and sprite as the map. */
export function LayerLegend({ layer }: { layer: ThematicLayer }) {
  const { language, t } = useLanguage();
  return (
    <ul className="legend" data-testid={`legend-${layer}`}>
      {ROWS[layer].map((row) => (
        <li key={row.code}>
          {row.icon ? <SpriteSwatch icon={row.icon} /> : <span className={`swatch swatch-${row.shape}`} style={{ background: row.colour, borderColor: row.ring ?? row.colour }} />}
          {vocabularyLabel(row.code, language)}
        </li>
      ))}
      {layer === 'cable_routes' && (
        <>
          <li><span className="swatch swatch-line swatch-dashed" />{t('planned')}</li>
          <li><span className="swatch swatch-line" style={{ background: SYMBOLOGY.retiredColour }} />{t('retired')}</li>
        </>
      )}
      {layer === 'facilities' && <li className="legend-note">{t('facilityColourNote')}</li>}
      {layer === 'bts_sites' && <li><span className="swatch swatch-cluster">12</span>{t('clusterHint')}</li>}
    </ul>
  );
}
