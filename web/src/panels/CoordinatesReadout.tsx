import { formatLngLat } from '../format/coordinates.ts';
import { useLanguage } from '../i18n/language.tsx';

/** Cursor coordinates in decimal degrees (Vietnamese: comma decimals, B/Đ). */
export function CoordinatesReadout({ lngLat }: { lngLat: { lng: number; lat: number } | null }) {
  const { language } = useLanguage();
  return (
    <div className="coordinates" data-testid="cursor-coordinates">
      {lngLat ? formatLngLat(lngLat.lng, lngLat.lat, language) : '—'}
    </div>
  );
}
