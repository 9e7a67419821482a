import { useRef, useState } from 'react';
import type { InteractionRun } from '../../../shared/api/state';
import { type Interaction, interactionText } from '../../../shared/domain/interaction';
import { type MessageKey, useT } from '../../lib/i18n';
import { keepFocus } from './enter-activates';
import { type LiveAction, liveControls, type ResultsVisibility } from './live-controls';
import { ResetConfirm } from './ResetConfirm';
import { useLiveAction } from './use-live-action';
import { useDeskProgram } from '../rooms/use-desk-room';
import type { ProgramState } from '../../../shared/domain/scene';

/** Where this interaction's scene is on the desk's bus: in the preview, on air, or neither. */
function sceneOf(program: ProgramState | null, interactionId: string): 'preview' | 'onAir' | null {
  const holds = (scene: ProgramState['onAir'] | null) => (scene?.kind === 'poll' || scene?.kind === 'wordcloud') && scene.interactionId === interactionId;
  if (!program) return null;
  if (holds(program.preview)) return 'preview';
  return holds(program.onAir) ? 'onAir' : null;
}

const PHASE: Record<'draft' | 'open' | 'closed', MessageKey> = {
  draft: 'ix.phase.draft',
  open: 'ix.phase.open',
  closed: 'ix.phase.closed',
};

function resultsKey(visibility: ResultsVisibility, revealed: boolean): MessageKey {
  if (visibility === 'hidden') return 'ix.results.hidden';
  if (visibility === 'waiting') return 'ix.results.waiting';
  return revealed ? 'ix.results.revealed' : 'ix.results.shown';
}

function actionWords(action: LiveAction, reopen: boolean): { text: MessageKey; label: MessageKey } {
  switch (action) {
    case 'open':
      return reopen ? { text: 'ix.action.reopen', label: 'ix.label.reopen' } : { text: 'ix.action.open', label: 'ix.label.open' };
    case 'close':
      return { text: 'ix.action.close', label: 'ix.label.close' };
    case 'reveal':
      return { text: 'ix.action.reveal', label: 'ix.label.reveal' };
    case 'hide':
      return { text: 'ix.action.hide', label: 'ix.label.hide' };
    case 'reset':
      return { text: 'ix.action.reset', label: 'ix.label.reset' };
    case 'preview':
      return { text: 'ix.action.preview', label: 'ix.label.preview' };
  }
}

/**
 * One poll or word cloud at the desk: its state as badges (always in words), its count, and the
 * actions its state allows, each with the core's refusal shown beside it. Keys: Tab reaches an
 * action, Enter runs it (enter-activates.ts); a mouse click does not leave the focus on the
 * button, so that Enter stays TAKE after a click.
 */
export function LiveInteractionRow({
  interaction,
  run,
  count,
  counted,
}: {
  interaction: Interaction;
  run: InteractionRun | undefined;
  /** Voters of a poll, words sent to a cloud. */
  count: number;
  counted: boolean;
}) {
  const t = useT();
  const row = useRef<HTMLLIElement>(null);
  const [confirming, setConfirming] = useState(false);
  const { act, pending, outcome, clear } = useLiveAction(interaction);
  // Said from the bus itself, never from the last click: after a TAKE the preview is empty again.
  const where = sceneOf(useDeskProgram(), interaction.id);
  const controls = liveControls(interaction, run, counted);
  const text = interactionText(interaction);
  const poll = interaction.kind === 'poll';

  const press = async (action: LiveAction, keyboard: boolean) => {
    if (action === 'reset') return setConfirming(true);
    await act(action);
    // The pressed button may be gone (Ouvrir → Fermer): the keyboard stays on the row.
    if (keyboard) row.current?.focus();
  };
  const confirmReset = async () => {
    await act('reset');
    setConfirming(false);
    row.current?.focus();
  };
  return (
    <li
      ref={row}
      tabIndex={-1}
      className={`ix-row ix-row-${controls.phase}`}
      data-testid="ix-row"
      data-interaction-id={interaction.id}
      data-phase={controls.phase}
      data-results={controls.visibility}
      data-revealed={controls.revealed}
    >
      <div className="ix-line">
        <span className="ix-kind">{t(poll ? 'ix.kind.poll' : 'ix.kind.wordcloud')}</span>
        <span className={`ix-badge ix-phase-${controls.phase}`} data-testid="ix-phase">
          {t(PHASE[controls.phase])}
        </span>
        {controls.phase !== 'draft' && (
          <span
            className={`ix-badge ix-results ix-results-${controls.revealed ? 'revealed' : controls.visibility}`}
            data-testid="ix-results"
          >
            {t(resultsKey(controls.visibility, controls.revealed))}
          </span>
        )}
        <span className="ix-count" data-testid="ix-count" data-count={count}>
          {t(poll ? 'ix.voters' : 'ix.words', { n: count })}
        </span>
      </div>
      <p className="ix-text" title={text}>
        {text}
      </p>
      <div className="ix-actions" role="group" aria-label={t('ix.actionsLabel', { text })}>
        {controls.actions.map((action) => {
          const words = actionWords(action, controls.phase === 'closed');
          return (
            <button
              key={action}
              type="button"
              className={`btn btn-small ix-action ix-action-${action}`}
              disabled={pending}
              aria-label={t(words.label, { text })}
              onMouseDown={keepFocus}
              onClick={(e) => void press(action, e.detail === 0)}
              data-testid={`ix-${action}`}
            >
              {t(words.text)}
            </button>
          );
        })}
      </div>
      <div aria-live="polite" className="ix-outcome-box">
        {outcome?.kind === 'refused' && (
          <p className="ix-refused" role="alert" data-testid="ix-refusal" data-action={outcome.action}>
            <span className="ix-refused-tag">{t('ix.refused')}</span> {outcome.message}{' '}
            <button type="button" className="btn btn-small btn-ghost" onMouseDown={keepFocus} onClick={clear} aria-label={t('ix.dismiss')}>
              ×
            </button>
          </p>
        )}
        {!outcome && where === 'preview' && (
          <p className="ix-previewed small" data-testid="ix-previewed">
            {t('ix.previewed')}
          </p>
        )}
        {!outcome && where === 'onAir' && (
          <p className="ix-on-air small" data-testid="ix-on-air">
            {t('ix.onAir')}
          </p>
        )}
      </div>
      {confirming && (
        <ResetConfirm
          text={text}
          voters={count}
          pending={pending}
          onConfirm={() => void confirmReset()}
          onCancel={() => setConfirming(false)}
        />
      )}
    </li>
  );
}
