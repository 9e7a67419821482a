import { mainQa } from '../../../shared/api/room-live';
import { useT } from '../../lib/i18n';
import { interactionLabel } from '../../lib/cue-words';
import { useRegie } from '../../lib/regie-store';

/** « En direct »: what the audience can answer right now (open polls, word clouds, the Q&A). */
export function LiveIndicator() {
  const t = useT();
  const live = useRegie((s) => s.state?.live);
  const programme = useRegie((s) => s.state?.programme ?? null);
  const open = Object.entries(live?.interactions ?? {})
    .filter(([, run]) => run.status === 'open')
    .sort(([, a], [, b]) => a.openedAt - b.openedAt);
  // The main room's Q&A: the central desk's (the rooms overview shows the others).
  const qa = useRegie((s) => (s.state ? mainQa(s.state).open : false));
  const items = open.map(([id]) => {
    const kind = programme?.interactions?.find((i) => i.id === id)?.kind ?? 'poll';
    const text = interactionLabel(programme, id);
    return { id, label: kind === 'wordcloud' ? t('live.wordcloud', { text }) : t('live.poll', { text }) };
  });
  const count = items.length + (qa ? 1 : 0);
  return (
    <div
      className={`live-indicator${count > 0 ? ' live-on' : ''}`}
      data-testid="live-indicator"
      data-open-interactions={open.map(([id]) => id).join(' ')}
      data-qa-open={qa}
      role="status"
    >
      <span className="live-label">{t('live.label')}</span>
      {count === 0 && <span className="live-none">{t('live.none')}</span>}
      {items.map((i) => (
        <span key={i.id} className="live-item" title={i.label} data-interaction-id={i.id}>
          {i.label}
        </span>
      ))}
      {qa && <span className="live-item live-qa">{t('live.qa')}</span>}
    </div>
  );
}
