import type { Schedule } from '../../../shared/domain/delays';
import type { Programme, Session } from '../../../shared/domain/programme';
import { programmePosition } from '../../../shared/domain/programme-position';
import { type Translate, useT } from '../../lib/i18n';
import { deskTime } from '../../lib/desk-time';
import { nextAt, runningAt, type SessionMarks, sessionWindow } from '../../lib/desk-schedule';
import { formatDuration } from '../../lib/programme-view';
import { useRegie } from '../../lib/regie-store';
import { ImportProgramme } from './ImportProgramme';
import { KindBadge } from './KindBadge';
import { OffsetBadge } from './OffsetBadge';

const NO_MARKS: SessionMarks = {};

function Line({
  programme,
  schedule,
  marks,
  session,
  tag,
  extra,
  relative,
  progress,
  testId,
  empty,
}: {
  programme: Programme;
  schedule: Schedule;
  marks: SessionMarks;
  session: Session | undefined;
  tag: string;
  extra: number;
  relative: string;
  progress: number | null;
  testId: string;
  empty: string;
}) {
  const t = useT();
  const tz = programme.event.timeZone;
  const w = session ? sessionWindow(programme, session, schedule, marks) : null;
  const timing = session ? schedule[session.id] : undefined;
  return (
    <div className={`pp-line ${testId}${session ? '' : ' pp-line-empty'}`} data-testid={testId} data-session-id={session?.id}>
      <span className="pp-tag">{tag}</span>
      {session && w ? (
        <>
          <span className="pp-time">
            {deskTime(w.start, tz)}–{deskTime(w.end, tz)}
          </span>
          {timing && (
            <OffsetBadge
              minutes={timing.startDelay}
              entered={timing.cause === 'entry'}
              title={timing.cause === 'entry' ? t('timeline.offsetEntry') : t('timeline.offsetCarried')}
              testId={`${testId}-offset`}
            />
          )}
          <KindBadge kind={session.kind} />
          <span className="pp-title" title={session.title}>
            {session.title}
          </span>
          {session.room && <span className="pp-room">{session.room}</span>}
          {extra > 0 && <span className="pp-extra">{t('programme.parallel', { count: extra })}</span>}
          <span className="pp-relative">{relative}</span>
          {progress !== null && (
            <span className="pp-progress" aria-hidden="true">
              <span style={{ width: `${Math.round(progress * 100)}%` }} />
            </span>
          )}
        </>
      ) : (
        <span className="pp-empty">{empty}</span>
      )}
    </div>
  );
}

function phaseWord(phase: ReturnType<typeof programmePosition>['phase'], t: Translate): string {
  switch (phase) {
    case 'before':
      return t('programme.before');
    case 'between':
      return t('programme.between');
    case 'after':
      return t('programme.after');
    case 'during':
      return t('programme.nothingNow');
  }
}

/**
 * « Programme »: what is on now and what comes next, at their expected times with the running
 * offset, the time left and the time to go; the programme import in preparation mode.
 */
export function ProgrammePanel({ programme, schedule, now }: { programme: Programme | null; schedule: Schedule; now: number }) {
  const t = useT();
  const marks = useRegie((s) => s.state?.sessionMarks) ?? NO_MARKS;
  if (!programme) {
    return (
      <section className="programme-panel" aria-label={t('programme.label')}>
        <h2 className="pp-heading">{t('programme.label')}</h2>
        <p className="pp-empty">{t('programme.none')}</p>
        <ImportProgramme running={null} />
      </section>
    );
  }
  const running = runningAt(programme, schedule, marks, now);
  const next = nextAt(programme, schedule, marks, now);
  const current = running[0];
  const upcoming = next[0];
  const { phase } = programmePosition(programme, now);
  let progress: number | null = null;
  let remaining = '';
  if (current) {
    const w = sessionWindow(programme, current, schedule, marks);
    progress = Math.min(1, Math.max(0, (now - w.start) / (w.end - w.start)));
    remaining = t('programme.remaining', { duration: formatDuration(w.end - now, t) });
  }
  const startsIn = upcoming
    ? t('programme.startsIn', { duration: formatDuration(sessionWindow(programme, upcoming, schedule, marks).start - now, t) })
    : '';
  return (
    <section className="programme-panel" aria-label={t('programme.label')}>
      <h2 className="pp-heading">{t('programme.label')}</h2>
      <div className="pp-lines">
        <Line
          programme={programme}
          schedule={schedule}
          marks={marks}
          session={current}
          tag={t('programme.now')}
          extra={running.length - 1}
          relative={remaining}
          progress={progress}
          testId="current-session"
          empty={phaseWord(phase, t)}
        />
        <Line
          programme={programme}
          schedule={schedule}
          marks={marks}
          session={upcoming}
          tag={t('programme.next')}
          extra={next.length - 1}
          relative={startsIn}
          progress={null}
          testId="next-session"
          empty={t('programme.noNext')}
        />
      </div>
      <ImportProgramme running={current ?? null} />
    </section>
  );
}
