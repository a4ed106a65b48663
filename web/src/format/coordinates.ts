const DEGREES = new Intl.NumberFormat('vi-VN', { minimumFractionDigits: 4, maximumFractionDigits: 4, useGrouping: false });

/**
 * Vietnamese convention: decimal degrees with a comma decimal separator and B/N, Đ/T hemispheres.
 * @example formatLngLat(108, 14.35) // "14,3500° B, 108,0000° Đ"
 */
export function formatLngLat(lng: number, lat: number, language: 'vi' | 'en' = 'vi'): string {
  const [north, south, east, west] = language === 'vi' ? ['B', 'N', 'Đ', 'T'] : ['N', 'S', 'E', 'W'];
  const format = language === 'vi' ? (value: number) => DEGREES.format(value) : (value: number) => value.toFixed(4);
  return `${format(Math.abs(lat))}° ${lat >= 0 ? north : south}, ${format(Math.abs(lng))}° ${lng >= 0 ? east : west}`;
}
