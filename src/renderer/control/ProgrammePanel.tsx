import type { Programme, Session } from '../../shared/domain/programme';
import { sessionEndMs, sessionStartMs } from '../../shared/domain/programme';
import { programmePosition } from '../../shared/domain/programme-position';
import { type Translate, useT } from '../lib/i18n';
import { deskTime } from '../lib/desk-time';
import { formatDuration, nextSessions, runningSessions } from '../lib/programme-view';
import { KindBadge } from './KindBadge';

function Line({
  programme,
  session,
  tag,
  extra,
  relative,
  progress,
  testId,
  empty,
}: {
  programme: Programme;
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
  return (
    <div className={`pp-line ${testId}${session ? '' : ' pp-line-empty'}`} data-testid={testId} data-session-id={session?.id}>
      <span className="pp-tag">{tag}</span>
      {session ? (
        <>
          <span className="pp-time">
            {deskTime(sessionStartMs(programme, session), tz)}–{deskTime(sessionEndMs(programme, session), tz)}
          </span>
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

/** « Programme »: what is on now and what comes next, with the time left and the time to go. */
export function ProgrammePanel({ programme, now }: { programme: Programme | null; now: number }) {
  const t = useT();
  if (!programme) {
    return (
      <section className="programme-panel" aria-label={t('programme.label')}>
        <h2 className="pp-heading">{t('programme.label')}</h2>
        <p className="pp-empty">{t('programme.none')}</p>
      </section>
    );
  }
  const running = runningSessions(programme, now);
  const next = nextSessions(programme, now);
  const current = running[0];
  const upcoming = next[0];
  const { phase } = programmePosition(programme, now);
  let progress: number | null = null;
  let remaining = '';
  if (current) {
    const a = sessionStartMs(programme, current);
    const b = sessionEndMs(programme, current);
    progress = Math.min(1, Math.max(0, (now - a) / (b - a)));
    remaining = t('programme.remaining', { duration: formatDuration(b - now, t) });
  }
  const startsIn = upcoming ? t('programme.startsIn', { duration: formatDuration(sessionStartMs(programme, upcoming) - now, t) }) : '';
  return (
    <section className="programme-panel" aria-label={t('programme.label')}>
      <h2 className="pp-heading">{t('programme.label')}</h2>
      <div className="pp-lines">
        <Line
          programme={programme}
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
          session={upcoming}
          tag={t('programme.next')}
          extra={next.length - 1}
          relative={startsIn}
          progress={null}
          testId="next-session"
          empty={t('programme.noNext')}
        />
      </div>
    </section>
  );
}
