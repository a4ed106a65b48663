import { useQuery } from '@tanstack/react-query';
import { useLanguage } from '../i18n/language.tsx';
import { breakParts, fibreBreakQuery } from './fibre-break.ts';

const TEXT = {
  vi: {
    title: 'Đoạn cần tìm điểm đứt cáp',
    line: 'Tìm dọc tuyến trên đoạn {length} m (tô sáng trên bản đồ), dung sai ± {tolerance} m sợi quang; điểm đứt dự kiến cách đầu đo {fromEnd} m theo tuyến (đo được {optical} m sợi quang).',
  },
  en: {
    title: 'Stretch to search for the break',
    line: 'Search {length} m along the route (highlighted on the map), tolerance ± {tolerance} m of fibre; the likely break is {fromEnd} m along the route from the measuring end ({optical} m of fibre measured).',
  },
} as const;

/** The fibre-break incident's search segment in words: its length and tolerance (issue 18 §3); nothing for other incidents. */
export function FibreBreakFacts({ id }: { id: number | string }) {
  const { language } = useLanguage();
  const located = useQuery(fibreBreakQuery(id));
  const parts = located.data ? breakParts(located.data.fibreBreak) : null;
  if (!parts) return null;
  const metres = (value: number) => Math.round(value).toLocaleString(language === 'vi' ? 'vi-VN' : 'en-GB');
  const values: Record<string, string> = {
    length: metres(parts.segment.lengthMeters), tolerance: metres(parts.point.toleranceMeters),
    fromEnd: metres(parts.point.fromEndMeters), optical: metres(parts.point.opticalDistanceMeters),
  };
  return (
    <section data-testid="fibre-break-facts">
      <h3>{TEXT[language].title}</h3>
      <p>{TEXT[language].line.replace(/\{(\w+)\}/g, (_, name: string) => values[name])}</p>
    </section>
  );
}
