import { useT } from '../../lib/i18n';
import { type Participation, participationOf } from '../../lib/participation';
import { useRegie } from '../../lib/regie-store';

/**
 * « Participation : 75 % des 200 connectés · salle 75 % (120/160) · distance 75 % (30/40) »: a
 * poll's voters against the participants the hub counts as connected now (the link status).
 */
export function PollParticipation({ voters }: { voters: { room: number; remote: number } }) {
  const t = useT();
  const connected = useRegie((s) => s.status?.link.participants ?? null);
  const p = participationOf(voters, connected);
  const percent = (x: Participation) => (x.percent === null ? t('audiencePanel.noRate') : t('audiencePanel.percent', { n: x.percent }));
  return (
    <p
      className="ap-poll-participation small"
      data-testid="poll-participation"
      data-voters={p.total.voters}
      data-connected={p.total.connected}
      data-percent={p.total.percent ?? ''}
    >
      {p.total.percent === null ? (
        t('audiencePanel.participationNone')
      ) : (
        <>
          <strong>{t('audiencePanel.participation', { percent: percent(p.total), connected: p.total.connected })}</strong>
          {(['room', 'remote'] as const).map((origin) => (
            <span key={origin} className="ap-participation-origin" data-testid={`poll-participation-${origin}`}>
              {' · '}
              {t('audiencePanel.participationOrigin', {
                origin: t(origin === 'room' ? 'link.room' : 'link.remote'),
                percent: percent(p[origin]),
                voters: p[origin].voters,
                connected: p[origin].connected,
              })}
            </span>
          ))}
        </>
      )}
    </p>
  );
}
