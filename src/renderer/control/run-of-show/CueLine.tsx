import type { ReactNode } from 'react';
import type { Programme } from '../../../shared/domain/programme';
import { cueActionWords } from '../../lib/cue-words';
import { deskTime } from '../../lib/desk-time';
import { useT } from '../../lib/i18n';
import type { CueView } from '../../lib/run-of-show-view';

/** One cue in a list of the cue panel: its expected time, what it does, its session; extras on the right. */
export function CueLine({
  cue,
  programme,
  children,
  className,
  note,
}: {
  cue: CueView;
  programme: Programme;
  children?: ReactNode;
  className?: string;
  /** A word after the session (why it was missed…). */
  note?: string;
}) {
  const t = useT();
  const tz = programme.event.timeZone;
  const words = cueActionWords(cue.cue.action, programme, t);
  const session = programme.sessions.find((s) => s.id === cue.sessionId);
  return (
    <li className={`cue-line cue-line-${cue.status} ${className ?? ''}`} data-testid="cue-line" data-cue-id={cue.id} data-status={cue.status}>
      <time className="cue-line-time" dateTime={new Date(cue.expectedAt).toISOString()}>
        {deskTime(cue.expectedAt, tz)}
      </time>
      <div className="cue-line-main">
        <span className="cue-line-action" title={words}>
          {words}
        </span>
        {session && (
          <span className="cue-line-session" title={session.title}>
            {session.title}
            {cue.cue.mode === 'auto' && <span className="cue-line-auto"> · {t('cues.modeAuto')}</span>}
            {note && <span className="cue-line-note"> · {note}</span>}
          </span>
        )}
      </div>
      {children && <div className="cue-line-extra">{children}</div>}
    </li>
  );
}
