import { useRef } from 'react';
import type { Schedule } from '../../shared/domain/delays';
import type { Programme } from '../../shared/domain/programme';
import type { SessionMarks } from '../lib/desk-schedule';
import { eventDate } from '../lib/programme-view';
import { BigClock } from './BigClock';
import { EventHeader } from './EventHeader';
import { EventLogo } from './EventLogo';
import { holdingContent } from './holding-content';
import { NextBlock } from './NextBlock';
import { NowBlock } from './NowBlock';
import { Typeset } from './Typeset';
import { useFitLevel } from './use-fit-level';

/** Fit levels: 1 no speakers, 2 no footer notice, 3 no subtitle, 4 smaller titles. */
const MAX_FIT_LEVEL = 4;

/** Levels add up: level 3 is fit-1 fit-2 fit-3. */
function fitClasses(level: number): string[] {
  return Array.from({ length: level }, (_, i) => `fit-${i + 1}`);
}

function todayText(p: Programme, now: number): string {
  const [y, m, d] = eventDate(p, now).split('-').map(Number);
  return new Intl.DateTimeFormat('fr-FR', { timeZone: 'UTC', weekday: 'long', day: 'numeric', month: 'long' }).format(
    Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1, 12),
  );
}

/**
 * The event's holding screen: name, clock, what is on now and what comes next, at the times the
 * desk expects (delays applied, actual starts and ends marked).
 */
export function HoldingScreen({
  programme,
  schedule,
  marks,
  now,
}: {
  programme: Programme;
  schedule: Schedule;
  marks: SessionMarks;
  now: number;
}) {
  const content = holdingContent(programme, schedule, marks, now);
  const nowBlock = useRef<HTMLElement>(null);
  // What the fit depends on: the texts shown (not the clock).
  const fitKey = JSON.stringify([content.phase, programme.event, content.now, content.next, content.windows]);
  const fit = useFitLevel(nowBlock, MAX_FIT_LEVEL, fitKey);
  return (
    <main
      className={['holding', ...fitClasses(fit), content.crowded ? 'holding-crowded' : ''].join(' ').trim()}
      data-phase={content.phase}
      data-fit={fit}
    >
      <header className="holding-head">
        <EventHeader event={programme.event} />
        <BigClock now={now} timeZone={programme.event.timeZone} dayText={todayText(programme, now)} />
      </header>
      <NowBlock ref={nowBlock} programme={programme} content={content} now={now} />
      <NextBlock programme={programme} content={content} now={now} />
      <footer className="holding-foot">
        {programme.event.notice && !content.crowded && (
          <p className="holding-notice">
            <Typeset text={programme.event.notice} />
          </p>
        )}
        <EventLogo className="holding-logo" />
      </footer>
    </main>
  );
}
