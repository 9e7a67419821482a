import type { Balance } from '../../../shared/domain/question-queue';
import { useT } from '../../lib/i18n';

const pct = (share: number) => Math.round(share * 100);

/** « salle 62 % · distance 38 % » with a small bar: are remote viewers heard as much as the room? */
export function BalanceBar({ received, kept }: { received: Balance; kept: Balance }) {
  const t = useT();
  if (received.roomShare === null) {
    return (
      <span className="qbalance muted small" data-testid="balance">
        {t('questions.balanceNone')}
      </span>
    );
  }
  const room = pct(received.roomShare);
  const keptWords = kept.roomShare === null ? null : t('questions.balanceKept', { room: pct(kept.roomShare), remote: 100 - pct(kept.roomShare) });
  const title = [t('questions.balanceTitle', { room: received.room, remote: received.remote }), keptWords].filter(Boolean).join(' · ');
  return (
    <span className="qbalance" data-testid="balance" data-room={room} title={title}>
      <span className="qbalance-words" data-testid="balance-words">
        {t('questions.balance', { room, remote: 100 - room })}
      </span>
      <span className="qbalance-bar" aria-hidden="true">
        <span className="qbalance-room" style={{ width: `${room}%` }} />
      </span>
      {keptWords && (
        <span className="qbalance-kept muted small" data-testid="balance-kept">
          {keptWords}
        </span>
      )}
    </span>
  );
}
