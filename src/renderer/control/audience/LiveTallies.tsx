import { useT } from '../../lib/i18n';
import { openPollTallies } from '../../lib/link-status';
import { useRegie } from '../../lib/regie-store';
import { PollParticipation } from './PollParticipation';

/** The counts of the open polls as votes arrive, room and remote apart (the poll scene is elsewhere). */
export function LiveTallies() {
  const t = useT();
  const programme = useRegie((s) => s.state?.programme ?? null);
  const live = useRegie((s) => s.state?.live);
  const tallies = useRegie((s) => s.state?.audience.tallies);
  const polls = openPollTallies(programme, live, tallies, [t('audiencePanel.yes'), t('audiencePanel.no')]);
  return (
    <section className="ap-section" aria-label={t('audiencePanel.polls')} data-testid="live-tallies">
      <h3 className="ap-section-title">{t('audiencePanel.polls')}</h3>
      {polls.length === 0 && <p className="empty small">{t('audiencePanel.noPolls')}</p>}
      {polls.map((p) => {
        const top = Math.max(1, ...p.rows.map((r) => r.total));
        return (
          <div key={p.id} className="ap-poll" data-testid="live-tally" data-poll-id={p.id}>
            <p className="ap-poll-question" title={p.question}>
              {p.question}
            </p>
            <p className="ap-poll-voters small muted">
              {t('audiencePanel.voters', { total: p.voters.total })} <span className="swatch bar-room" aria-hidden="true" />
              {t('link.room')} {p.voters.room} <span className="swatch bar-remote" aria-hidden="true" />
              {t('link.remote')} {p.voters.remote}
            </p>
            <PollParticipation voters={p.voters} />
            <table className="ap-tally">
              <tbody>
                {p.rows.map((r) => (
                  <tr
                    key={r.key}
                    title={t('audiencePanel.tallyTitle', { label: r.label, room: r.room, remote: r.remote })}
                    data-testid="tally-row"
                    data-key={r.key}
                    data-room={r.room}
                    data-remote={r.remote}
                  >
                    <th scope="row" className="ap-tally-label">
                      {r.label}
                    </th>
                    <td className="ap-tally-bar" aria-hidden="true">
                      <span className="bar-room" style={{ width: `${(r.room / top) * 100}%` }} />
                      <span className="bar-remote" style={{ width: `${(r.remote / top) * 100}%` }} />
                    </td>
                    <td className="ap-tally-split">
                      {r.room} + {r.remote}
                    </td>
                    <td className="ap-tally-total">{r.total}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        );
      })}
    </section>
  );
}
