import { SYMBOLOGY } from '../map/symbology.ts';
import { useLanguage } from '../i18n/language.tsx';

const CLASSES = ['3', '2', '1', '0', '-1', '-2', '-3'] as const;
const LABELS: Record<(typeof CLASSES)[number], readonly [string, string]> = {
  '3': ['Điểm nóng, độ tin cậy 99 %', 'Hot spot, 99 % confidence'],
  '2': ['Điểm nóng, độ tin cậy 95 %', 'Hot spot, 95 % confidence'],
  '1': ['Điểm nóng, độ tin cậy 90 %', 'Hot spot, 90 % confidence'],
  '0': ['Không có ý nghĩa thống kê', 'Not significant'],
  '-1': ['Điểm lạnh, độ tin cậy 90 %', 'Cold spot, 90 % confidence'],
  '-2': ['Điểm lạnh, độ tin cậy 95 %', 'Cold spot, 95 % confidence'],
  '-3': ['Điểm lạnh, độ tin cậy 99 %', 'Cold spot, 99 % confidence'],
};

/** The legend of the hotspot map's hexagons: the seven Getis-Ord Gi* classes, in the map's colours. */
export function HotspotLegend() {
  const { language } = useLanguage();
  return (
    <figure className="map-legend hotspot-legend" data-testid="hotspot-legend">
      <figcaption>{language === 'vi' ? 'Thống kê Getis-Ord Gi* (ô lục giác)' : 'Getis-Ord Gi* (hexagons)'}</figcaption>
      <ul>
        {CLASSES.map((giClass) => (
          <li key={giClass}><span className="swatch swatch-hex" style={{ background: SYMBOLOGY.giColours[giClass] }} />{LABELS[giClass][language === 'vi' ? 0 : 1]}</li>
        ))}
      </ul>
    </figure>
  );
}
