import type { KeyboardEvent } from 'react';
import type { Programme } from '../../../shared/domain/programme';
import { useLanguage, useT } from '../../lib/i18n';
import { dayLabel } from '../../lib/programme-view';

/** The programme's days as tabs; « aujourd’hui » marks the day of the show clock. */
export function DayTabs({
  programme,
  selected,
  today,
  onSelect,
}: {
  programme: Programme;
  selected: string;
  today: string | null;
  onSelect: (d: string) => void;
}) {
  const t = useT();
  const locale = useLanguage((s) => (s.language === 'fr' ? 'fr-FR' : 'en-GB'));
  const days = [...programme.days].sort((a, b) => a.date.localeCompare(b.date));
  const onKey = (e: KeyboardEvent, i: number) => {
    const move = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
    if (!move) return;
    const d = days[(i + move + days.length) % days.length];
    if (d) {
      onSelect(d.date);
      (e.currentTarget.parentElement?.children[(i + move + days.length) % days.length] as HTMLElement | undefined)?.focus();
    }
  };
  return (
    <div className="day-tabs" role="tablist" aria-label={t('timeline.days')}>
      {days.map((d, i) => (
        <button
          key={d.date}
          type="button"
          role="tab"
          className="day-tab"
          aria-selected={d.date === selected}
          tabIndex={d.date === selected ? 0 : -1}
          onClick={() => onSelect(d.date)}
          onKeyDown={(e) => onKey(e, i)}
          data-testid="day-tab"
          data-date={d.date}
        >
          {dayLabel(programme, d.date, locale, 'short')}
          {d.date === today && <span className="day-tab-today">{t('timeline.today')}</span>}
        </button>
      ))}
    </div>
  );
}
