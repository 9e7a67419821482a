import { plural, useLanguage, useT } from '../i18n';
import { useParticipant } from '../lib/participant-store';

/**
 * The link's state in words, in a live region: « Connexion perdue — nouvelle tentative… » while it
 * is down (with the number of messages waiting), « Connexion rétablie » for a few seconds after.
 */
export function ConnectionBanner() {
  const t = useT();
  const language = useLanguage((s) => s.language);
  const connection = useParticipant((s) => s.connection);
  const back = useParticipant((s) => s.back);
  const waiting = useParticipant((s) => s.outbox.filter((e) => e.eventCode === s.eventCode).length);

  let text = '';
  let tone = 'none';
  if (connection === 'connecting') {
    text = t('conn.connecting');
    tone = 'connecting';
  } else if (connection === 'offline') {
    text = t('conn.lost');
    tone = 'offline';
  } else if (connection === 'online' && back) {
    text = t('conn.back');
    tone = 'back';
  }
  return (
    <div className={`conn conn-${tone}`} role="status" data-testid="connection" data-state={connection}>
      {text ? (
        <>
          <span className="conn-line">
            <span className="conn-dot" aria-hidden="true" />
            <span className="conn-text">{text}</span>
          </span>
          {connection === 'offline' && waiting > 0 ? (
            <span className="conn-pending" data-testid="connection-pending">
              {plural(language, 'conn.pending', waiting)}
            </span>
          ) : null}
        </>
      ) : null}
    </div>
  );
}
