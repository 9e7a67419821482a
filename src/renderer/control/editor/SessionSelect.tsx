import type { Programme } from '../../../shared/domain/programme';
import { sortedSessions } from '../../../shared/domain/programme-position';
import { useLanguage } from '../../lib/i18n';
import { dayLabel } from '../../lib/programme-view';
import type { FieldControlProps } from './Field';

const SHORT = 64;

/** The programme's sessions, day by day, by start time and title. */
export function SessionSelect({
  programme,
  value,
  onChange,
  control,
}: {
  programme: Programme;
  value: string;
  onChange: (id: string) => void;
  control: FieldControlProps;
}) {
  const language = useLanguage((s) => s.language);
  const sessions = sortedSessions(programme);
  return (
    <select {...control} value={value} onChange={(e) => onChange(e.target.value)} data-testid="cue-session">
      {programme.days.map((d) => (
        <optgroup key={d.date} label={dayLabel(programme, d.date, language)}>
          {sessions
            .filter((s) => s.day === d.date)
            .map((s) => (
              <option key={s.id} value={s.id}>
                {s.start} · {s.title.length > SHORT ? `${s.title.slice(0, SHORT - 1)}…` : s.title}
              </option>
            ))}
        </optgroup>
      ))}
    </select>
  );
}
