import type { DateRange } from '../api/types.ts';
import { RECORD_START, vietnamToday } from '../state/viewport.ts';
import { useLanguage } from '../i18n/language.tsx';

/** Two date inputs bounding the incidents shown; applied as the `datetime` of the incidents request. */
export function IncidentRangeFilter({ range, onChange }: { range: DateRange; onChange: (range: DateRange) => void }) {
  const { t } = useLanguage();
  return (
    <fieldset className="range-filter">
      <legend>{t('incidentPeriod')}</legend>
      <label>
        {t('from')}
        <input
          type="date" data-testid="incident-start" min={RECORD_START} max={range.end} value={range.start}
          onChange={(event) => event.target.value && onChange({ ...range, start: event.target.value })}
        />
      </label>
      <label>
        {t('to')}
        <input
          type="date" data-testid="incident-end" min={range.start} max={vietnamToday()} value={range.end}
          onChange={(event) => event.target.value && onChange({ ...range, end: event.target.value })}
        />
      </label>
    </fieldset>
  );
}
