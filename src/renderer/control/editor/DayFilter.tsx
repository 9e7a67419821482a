import { useId } from 'react';
import type { Programme } from '../../../shared/domain/programme';
import { useLanguage, useT } from '../../lib/i18n';
import { dayLabel } from '../../lib/programme-view';

/** Which day of the programme the list shows (or all of them). */
export function DayFilter({
  programme,
  day,
  onChange,
}: {
  programme: Programme;
  day: string | null;
  onChange: (day: string | null) => void;
}) {
  const t = useT();
  const id = useId();
  const language = useLanguage((s) => s.language);
  return (
    <span className="ed-day-filter">
      <label htmlFor={id} className="ed-label-inline">
        {t('editor.day')}
      </label>
      <select id={id} value={day ?? ''} onChange={(e) => onChange(e.target.value === '' ? null : e.target.value)} data-testid="ed-day">
        <option value="">{t('editor.allDays')}</option>
        {programme.days.map((d) => (
          <option key={d.date} value={d.date}>
            {dayLabel(programme, d.date, language, 'short')}
          </option>
        ))}
      </select>
    </span>
  );
}
