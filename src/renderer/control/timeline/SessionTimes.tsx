import type { SessionTiming } from '../../../shared/domain/delays';
import { deskTime } from '../../lib/desk-time';
import { useT } from '../../lib/i18n';

function TimePair({ planned, expected, timeZone, edge }: { planned: number; expected: number; timeZone: string; edge: 'start' | 'end' }) {
  const t = useT();
  const p = deskTime(planned, timeZone);
  if (planned === expected) return <span className={`tl-${edge}`}>{p}</span>;
  const e = deskTime(expected, timeZone);
  return (
    <span className={`tl-${edge} tl-moved`} data-testid={`tl-${edge}-moved`}>
      <span className="tl-planned" title={t('timeline.planned', { time: p })}>
        {p}
      </span>
      <span className="tl-arrow" aria-hidden="true">
        →
      </span>
      <span className="tl-expected" title={t('timeline.expectedAt', { time: e })}>
        <span className="visually-hidden">{t('timeline.expectedAt', { time: '' })}</span>
        {e}
      </span>
    </span>
  );
}

/** Start and end of a session: the planned time, and the expected one beside it when a delay moved it. */
export function SessionTimes({ timing, timeZone }: { timing: SessionTiming; timeZone: string }) {
  return (
    <div className="tl-times">
      <TimePair planned={timing.plannedStart} expected={timing.expectedStart} timeZone={timeZone} edge="start" />
      <TimePair planned={timing.plannedEnd} expected={timing.expectedEnd} timeZone={timeZone} edge="end" />
    </div>
  );
}
