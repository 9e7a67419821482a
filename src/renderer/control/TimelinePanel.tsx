import { Fragment, useEffect, useRef, useState } from 'react';
import type { Programme } from '../../shared/domain/programme';
import { sessionEndMs, sessionStartMs } from '../../shared/domain/programme';
import { programmePosition } from '../../shared/domain/programme-position';
import { useT } from '../lib/i18n';
import { deskTime } from '../lib/desk-time';
import { eventDate, nextSessions, runningSessions, sessionsOfDay } from '../lib/programme-view';
import { DayTabs } from './DayTabs';
import { Panel } from './Panel';
import { type RowStatus, TimelineRow } from './TimelineRow';

/**
 * The rundown of a day: every session with its status, and a « maintenant » line where the show
 * clock stands. It follows the current day until the operator picks another tab.
 */
export function TimelinePanel({ programme, now }: { programme: Programme | null; now: number }) {
  const t = useT();
  const [picked, setPicked] = useState<string | null>(null);
  const listRef = useRef<HTMLOListElement>(null);
  const position = programme ? programmePosition(programme, now) : null;
  const followDay = position?.day ?? null;
  const day = picked ?? followDay;
  const currentIds = new Set(programme ? runningSessions(programme, now).map((s) => s.id) : []);
  const nextIds = new Set(programme ? nextSessions(programme, now).map((s) => s.id) : []);
  const firstCurrent = [...currentIds][0] ?? null;

  // Keep the current session in view, near the top (one past row above it for context), when
  // following the show; never while the operator browses another day.
  useEffect(() => {
    if (picked !== null || !firstCurrent) return;
    const row = listRef.current?.querySelector<HTMLElement>(`[data-session-id="${firstCurrent}"]`);
    const box = row?.closest<HTMLElement>('.panel-body');
    if (!row || !box) return;
    const offset = row.getBoundingClientRect().top - box.getBoundingClientRect().top;
    box.scrollTop = Math.max(0, box.scrollTop + offset - 56);
  }, [firstCurrent, picked, day]);

  if (!programme || !day) {
    return (
      <Panel title={t('timeline.label')} className="timeline-panel">
        <p className="empty">{t('programme.none')}</p>
      </Panel>
    );
  }
  const today = eventDate(programme, now);
  const sessions = sessionsOfDay(programme, day);
  const statusOf = (id: string, end: number): RowStatus =>
    currentIds.has(id) ? 'current' : nextIds.has(id) ? 'next' : end <= now ? 'past' : 'later';
  // The « maintenant » line goes before the first session that starts after now (today only).
  const nowIndex = day === today ? sessions.findIndex((s) => sessionStartMs(programme, s) > now) : -2;
  const nowLine = (
    <li className="tl-now" data-testid="now-line" aria-label={t('timeline.now', { time: deskTime(now, programme.event.timeZone) })}>
      <span>{t('timeline.now', { time: deskTime(now, programme.event.timeZone) })}</span>
    </li>
  );

  return (
    <Panel
      title={t('timeline.label')}
      className="timeline-panel"
      actions={
        <DayTabs
          programme={programme}
          selected={day}
          today={programme.days.some((d) => d.date === today) ? today : null}
          onSelect={(d) => setPicked(d === followDay ? null : d)}
        />
      }
      testId="timeline"
    >
      {sessions.length === 0 ? (
        <p className="empty">{t('timeline.empty')}</p>
      ) : (
        <ol className="tl-list" ref={listRef}>
          {sessions.map((s, i) => (
            <Fragment key={s.id}>
              {i === nowIndex && nowLine}
              <TimelineRow programme={programme} session={s} status={statusOf(s.id, sessionEndMs(programme, s))} now={now} />
            </Fragment>
          ))}
          {nowIndex === -1 && nowLine}
        </ol>
      )}
    </Panel>
  );
}
