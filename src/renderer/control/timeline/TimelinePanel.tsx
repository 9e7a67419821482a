import { Fragment, useEffect, useRef, useState } from 'react';
import type { Schedule } from '../../../shared/domain/delays';
import type { Programme } from '../../../shared/domain/programme';
import { programmePosition } from '../../../shared/domain/programme-position';
import { useT } from '../../lib/i18n';
import { deskTime } from '../../lib/desk-time';
import { nextAt, runningAt, type SessionMarks, sessionWindow } from '../../lib/desk-schedule';
import { eventDate, sessionsOfDay } from '../../lib/programme-view';
import { useRegie } from '../../lib/regie-store';
import { type CueView, cuesOfSession } from '../../lib/run-of-show-view';
import { DayTabs } from './DayTabs';
import { Panel } from '../shell/Panel';
import { type RowStatus, TimelineRow } from './TimelineRow';

const NO_MARKS: SessionMarks = {};

/** A delay moved the session's start or end: its row shows planned and expected times side by side. */
function isMoved(schedule: Schedule, id: string): boolean {
  const timing = schedule[id];
  return timing !== undefined && (timing.startDelay !== 0 || timing.endDelay !== 0);
}

/**
 * The rundown of a day: every session with its planned and expected times, its cues and its
 * status, and a « maintenant » line where the show clock stands. Current and next follow the
 * expected times (delays applied, actual starts and ends marked). It follows the current day
 * until the operator picks another tab.
 */
export function TimelinePanel({ programme, schedule, cues, now }: { programme: Programme | null; schedule: Schedule; cues: CueView[]; now: number }) {
  const t = useT();
  const [picked, setPicked] = useState<string | null>(null);
  const [openActions, setOpenActions] = useState<string | null>(null);
  const listRef = useRef<HTMLOListElement>(null);
  const marks = useRegie((s) => s.state?.sessionMarks) ?? NO_MARKS;
  const delays = useRegie((s) => s.state?.delays);
  const position = programme ? programmePosition(programme, now) : null;
  const followDay = position?.day ?? null;
  const day = picked ?? followDay;
  const currentIds = new Set(programme ? runningAt(programme, schedule, marks, now).map((s) => s.id) : []);
  const nextIds = new Set(programme ? nextAt(programme, schedule, marks, now).map((s) => s.id) : []);
  const firstCurrent = [...currentIds][0] ?? null;

  // Keep the current session in view, near the top (one past row above it for context), when
  // following the show; never while the operator browses another day or acts on a session.
  useEffect(() => {
    if (picked !== null || !firstCurrent || openActions !== null) return;
    const row = listRef.current?.querySelector<HTMLElement>(`[data-session-id="${firstCurrent}"]`);
    const box = row?.closest<HTMLElement>('.panel-body');
    if (!row || !box) return;
    const offset = row.getBoundingClientRect().top - box.getBoundingClientRect().top;
    box.scrollTop = Math.max(0, box.scrollTop + offset - 56);
  }, [firstCurrent, picked, day, openActions]);

  if (!programme || !day) {
    return (
      <Panel title={t('timeline.label')} className="timeline-panel">
        <p className="empty">{t('programme.none')}</p>
      </Panel>
    );
  }
  const today = eventDate(programme, now);
  const sessions = sessionsOfDay(programme, day);
  const windows = new Map(sessions.map((s) => [s.id, sessionWindow(programme, s, schedule, marks)]));
  const statusOf = (id: string): RowStatus =>
    currentIds.has(id) ? 'current' : nextIds.has(id) ? 'next' : (windows.get(id)?.end ?? Infinity) <= now ? 'past' : 'later';
  // The « maintenant » line goes before the first session expected to start after now (today only).
  const nowIndex = day === today ? sessions.findIndex((s) => (windows.get(s.id)?.start ?? 0) > now) : -2;
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
        <ol className={sessions.some((s) => isMoved(schedule, s.id)) ? 'tl-list tl-list-moved' : 'tl-list'} ref={listRef}>
          {sessions.map((s, i) => (
            <Fragment key={s.id}>
              {i === nowIndex && nowLine}
              <TimelineRow
                programme={programme}
                session={s}
                status={statusOf(s.id)}
                now={now}
                timing={schedule[s.id]}
                window={windows.get(s.id) ?? { start: 0, end: 0 }}
                mark={marks[s.id]}
                cues={cuesOfSession(cues, s.id)}
                hasEntry={delays?.some((d) => d.sessionId === s.id) ?? false}
                actionsOpen={openActions === s.id}
                onToggleActions={() => setOpenActions((o) => (o === s.id ? null : s.id))}
              />
            </Fragment>
          ))}
          {nowIndex === -1 && nowLine}
        </ol>
      )}
    </Panel>
  );
}
