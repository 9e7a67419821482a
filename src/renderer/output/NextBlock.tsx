import type { Programme } from '../../shared/domain/programme';
import { formatClockFr } from '../../shared/domain/french-typography';
import { tFr } from '../lib/i18n';
import { dayInSentence } from './day-words';
import { type HoldingContent, maxListed, sharedRange } from './holding-content';
import { SessionLine } from './SessionLine';
import { SessionList } from './SessionList';
import { parallelWords } from './parallel-words';
import { useChangeFade } from './use-change-fade';

/** « À suivre »: the start time, then the session(s) that start then. */
export function NextBlock({ programme, content, now }: { programme: Programme; content: HoldingContent; now: number }) {
  const key = content.next.map((s) => s.id).join(' ');
  const fade = useChangeFade(key);
  const first = content.next[0];
  const firstTimes = first ? content.windows[first.id] : undefined;
  if (!first || !firstTimes || content.nextStartMs === null) return null;
  const time = formatClockFr(content.nextStartMs, programme.event.timeZone);
  const day = content.nextOtherDay ? dayInSentence(programme, content.nextOtherDay, now) : null;

  if (content.next.length > 1) {
    // Parallel sessions: the time goes up into the label, the list takes the full width.
    return (
      <section className="block block-next" data-testid="next-session" aria-label={tFr('output.next')}>
        <h2 className="block-label">
          {tFr('output.next')}
          <span className="block-label-time" data-testid="next-start">
            {day && `${day} · `}
            {time}
          </span>
          <span className="block-label-extra">{parallelWords(content.next)}</span>
        </h2>
        <div key={key} className={`block-body ${fade}`}>
          <SessionList
            programme={programme}
            sessions={content.next}
            windows={content.windows}
            max={maxListed(content)}
            showRange={!sharedRange(content.next, content.windows)}
          />
        </div>
      </section>
    );
  }
  return (
    <section className="block block-next" data-testid="next-session" aria-label={tFr('output.next')}>
      <h2 className="block-label">{tFr('output.next')}</h2>
      <div key={key} className={`next-row ${fade}`}>
        <p className="next-time" data-testid="next-start">
          {day && <span className="next-day">{day}</span>}
          {time}
        </p>
        <SessionLine programme={programme} session={first} times={firstTimes} size="medium" />
      </div>
    </section>
  );
}
