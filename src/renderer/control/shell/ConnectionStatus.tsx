import { type ClockSetting, clockNow } from '../../../shared/api/state';
import { useT } from '../../lib/i18n';
import { deskTime } from '../../lib/desk-time';
import { useRegie } from '../../lib/regie-store';

const LIVE: ClockSetting = { mode: 'live' };

/** The link to the core: a coloured dot, a word and « depuis HH:MM » (on the show clock, like every time on the desk). */
export function ConnectionStatus({ timeZone }: { timeZone: string }) {
  const t = useT();
  const connection = useRegie((s) => s.connection);
  // The time as written (a string): the server offset, refined at every patch, redraws nothing until the minute moves.
  const sinceWords = useRegie((s) => deskTime(clockNow(s.state?.clock ?? LIVE, s.since + s.serverOffsetMs), timeZone));
  const label = t(`connection.${connection}`);
  return (
    <div
      className={`connection connection-${connection}`}
      data-testid="connection-state"
      data-state={connection}
      role="status"
      aria-label={t('connection.label')}
    >
      <span className="connection-dot" aria-hidden="true" />
      <span className="connection-word">{label}</span>
      <span className="connection-since">{t('connection.since', { time: sinceWords })}</span>
    </div>
  );
}
