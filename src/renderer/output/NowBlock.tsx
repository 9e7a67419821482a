import type { Ref } from 'react';
import type { Programme } from '../../shared/domain/programme';
import { formatClockFr, formatRange } from '../../shared/domain/french-typography';
import { tFr } from '../lib/i18n';
import { dayInSentence } from './day-words';
import { type HoldingContent, maxListed, sharedRange } from './holding-content';
import { SessionLine } from './SessionLine';
import { SessionList } from './SessionList';
import { Typeset } from './Typeset';
import { parallelWords } from './parallel-words';
import { useChangeFade } from './use-change-fade';

function waitingWords(programme: Programme, c: HoldingContent, now: number): { label: string; message: string } {
  if (c.phase === 'after' || c.nextStartMs === null) return { label: tFr('output.finished'), message: tFr('output.thanks') };
  const time = formatClockFr(c.nextStartMs, programme.event.timeZone);
  if (c.nextOtherDay) {
    const day = dayInSentence(programme, c.nextOtherDay, now);
    if (c.phase === 'before') return { label: tFr('output.welcome'), message: tFr('output.startsOn', { day, time }) };
    return {
      label: day === tFr('output.tomorrow') ? tFr('output.seeYouTomorrow') : tFr('output.seeYouSoon'),
      message: tFr('output.resumesOn', { day, time }),
    };
  }
  if (c.phase === 'before' || c.nextOpensDay) return { label: tFr('output.welcome'), message: tFr('output.startsAt', { time }) };
  return { label: tFr('output.pause'), message: tFr('output.resumesAt', { time }) };
}

/** « En ce moment »: the session on now, the parallel ones, or what the room is waiting for. */
export function NowBlock({
  programme,
  content,
  now,
  ref,
}: {
  programme: Programme;
  content: HoldingContent;
  now: number;
  ref?: Ref<HTMLElement>;
}) {
  const running = content.now;
  const waiting = running.length > 0 ? null : waitingWords(programme, content, now);
  const fade = useChangeFade(waiting ? `${content.phase}-${waiting.message}` : running.map((s) => s.id).join(' '));
  if (!waiting) {
    const single = running.length === 1;
    const range = single ? null : sharedRange(running, content.windows);
    const only = single ? running[0] : undefined;
    const onlyTimes = only ? content.windows[only.id] : undefined;
    return (
      <section ref={ref} className="block block-now" data-testid="current-session" data-phase="during" aria-label={tFr('output.now')}>
        <h2 className="block-label">
          {tFr('output.now')}
          {!single && (
            <span className="block-label-extra">
              {range && `${formatRange(range.start, range.end, programme.event.timeZone)} · `}
              {parallelWords(running)}
            </span>
          )}
        </h2>
        <div key={running.map((s) => s.id).join(' ')} className={`block-body ${fade}`}>
          {only && onlyTimes ? (
            <SessionLine programme={programme} session={only} times={onlyTimes} size={content.crowded ? 'medium' : 'large'} />
          ) : (
            <SessionList programme={programme} sessions={running} windows={content.windows} max={maxListed(content)} showRange={!range} />
          )}
        </div>
      </section>
    );
  }
  const { label, message } = waiting;
  return (
    <section
      ref={ref}
      className="block block-now block-waiting"
      data-testid="current-session"
      data-phase={content.phase}
      aria-label={label}
    >
      <h2 className="block-label">{label}</h2>
      <div key={`${content.phase}-${message}`} className={`block-body ${fade}`}>
        <p className={content.crowded ? 'waiting-message waiting-message-small' : 'waiting-message'}>
          <Typeset text={message} />
        </p>
      </div>
    </section>
  );
}
