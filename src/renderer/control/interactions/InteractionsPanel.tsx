import { useId, useMemo, useState } from 'react';
import { type Interaction, type InteractionKind, interactionText } from '../../../shared/domain/interaction';
import { useT } from '../../lib/i18n';
import { useRegie } from '../../lib/regie-store';
import { useShowClock } from '../../lib/use-show-clock';
import { useCurrentSessionId } from '../questions/use-queue';
import { CreateInteractionDialog } from './CreateInteractionDialog';
import { enterActivates, keepFocus } from './enter-activates';
import type { RoomId } from '../../../shared/domain/rooms';
import { deskInteractions, roomInteractions } from './live-controls';
import { LiveInteractionRow } from './LiveInteractionRow';

const NO_COUNTS: Readonly<Record<string, number>> = {};

/** Words sent to a cloud, as the régie counted them (banned and held ones included). */
function wordsSent(raw: Readonly<Record<string, number>> | undefined): number {
  return Object.values(raw ?? NO_COUNTS).reduce((a, b) => a + (b > 0 ? b : 0), 0);
}

/**
 * « Sondages et nuages de mots » in the « Public » panel: the current session's polls and word
 * clouds with their live state and the actions that state allows (open, close, reveal, hide,
 * reset, prepare on the projector), and a poll or a cloud made on the spot. On a room seat's desk
 * (`room`): its room's only, and what it makes is made for its room.
 */
export function InteractionsPanel({ room }: { room?: RoomId | undefined } = {}) {
  const t = useT();
  const titleId = useId();
  const now = useShowClock();
  const sessionId = useCurrentSessionId(now);
  const programme = useRegie((s) => s.state?.programme);
  const live = useRegie((s) => s.state?.live);
  const tallies = useRegie((s) => s.state?.audience.tallies);
  const words = useRegie((s) => s.state?.audience.words);
  const [all, setAll] = useState(false);
  const [creating, setCreating] = useState<InteractionKind | null>(null);
  // « Créé et ouvert » while it stays so: gone once closed, opened or reset.
  const [made, setMade] = useState<{ id: string; text: string; opened: boolean } | null>(null);
  const madeRun = made ? live?.interactions[made.id] : undefined;
  const note = made && (made.opened ? madeRun?.status === 'open' : madeRun === undefined) ? made : null;
  const list = useMemo(() => {
    const listed = deskInteractions(programme, live, sessionId, all);
    return room === undefined ? listed : roomInteractions(listed, programme, live, room);
  }, [programme, live, sessionId, all, room]);

  const created = (i: Interaction, opened: boolean) => {
    setCreating(null);
    setMade({ id: i.id, text: interactionText(i), opened });
  };
  const startCreating = (kind: InteractionKind) => {
    setMade(null);
    setCreating(kind);
  };

  return (
    <section className="ap-section ix-panel" aria-labelledby={titleId} onKeyDown={enterActivates} data-testid="interactions-panel">
      <div className="ix-head">
        <h3 className="ap-section-title" id={titleId}>
          {t('ix.title')}
        </h3>
        <div className="ix-new">
          <button
            type="button"
            className="btn btn-small"
            onMouseDown={keepFocus}
            onClick={() => startCreating('poll')}
            data-testid="ix-new-poll"
          >
            + {t('ix.newPoll')}
          </button>
          <button
            type="button"
            className="btn btn-small"
            onMouseDown={keepFocus}
            onClick={() => startCreating('wordcloud')}
            data-testid="ix-new-cloud"
          >
            + {t('ix.newCloud')}
          </button>
        </div>
      </div>
      <div className="ix-options small">
        {sessionId !== null && (
          <button
            type="button"
            className="btn btn-small btn-ghost ix-all"
            aria-pressed={all}
            onMouseDown={keepFocus}
            onClick={() => setAll((a) => !a)}
            data-testid="ix-all"
          >
            {t('ix.allSessions')}
          </button>
        )}
        <span className="muted">{t('ix.keys')}</span>
      </div>
      <p className="ix-note small" aria-live="polite" data-testid="ix-note">
        {note && t(note.opened ? 'ix.createdOpen' : 'ix.created', { text: note.text })}
      </p>
      {list.length === 0 ? (
        <p className="empty small">{t('ix.none')}</p>
      ) : (
        <ul className="ix-list" aria-labelledby={titleId}>
          {list.map((i) => {
            const tally = tallies?.[i.id];
            const count = i.kind === 'poll' ? (tally ? tally.voters.room + tally.voters.remote : 0) : wordsSent(words?.[i.id]);
            return (
              <LiveInteractionRow key={i.id} interaction={i} run={live?.interactions[i.id]} count={count} counted={tally !== undefined} />
            );
          })}
        </ul>
      )}
      {creating && <CreateInteractionDialog kind={creating} room={room} onCreated={created} onClose={() => setCreating(null)} />}
    </section>
  );
}
