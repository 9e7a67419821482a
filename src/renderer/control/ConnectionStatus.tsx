import { useT } from '../lib/i18n';
import { deskTime } from '../lib/desk-time';
import { useRegie } from '../lib/regie-store';

/** The link to the core: a coloured dot, a word and « depuis HH:MM ». */
export function ConnectionStatus({ timeZone }: { timeZone: string }) {
  const t = useT();
  const connection = useRegie((s) => s.connection);
  const since = useRegie((s) => s.since);
  const offset = useRegie((s) => s.serverOffsetMs);
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
      <span className="connection-since">{t('connection.since', { time: deskTime(since + offset, timeZone) })}</span>
    </div>
  );
}
