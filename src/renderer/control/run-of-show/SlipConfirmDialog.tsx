import { type KeyboardEvent, useEffect, useId, useRef } from 'react';
import { deskUndoPlan } from '../rooms/use-desk-room';
import { cancelSlip, confirmSlip } from './cue-actions';
import { type SlipConfirmation, useSlipConfirm } from './run-of-show-store';
import { fullReasons } from '../../lib/cue-order-words';
import { cueActionWords, sceneDestination } from '../../lib/cue-words';
import { deskTime } from '../../lib/desk-time';
import { undoLines } from '../../lib/go-undo-words';
import { useT } from '../../lib/i18n';
import { useRegie } from '../../lib/regie-store';
import type { CueView } from '../../lib/run-of-show-view';
import { useRunOfShow } from '../../lib/use-run-of-show';
import './slips.css';

/**
 * The confirmation of a GO out of order, or of the undo of a GO more than a minute old: a modal
 * that a second stray key cannot answer. The focus is on « Ne rien lancer »: Enter or Space
 * pressed again cancel, a key held down does nothing, Esc cancels; only a click on the confirm
 * button (or Tab to it, then Enter), or Ctrl+Entrée, confirms.
 */
export function SlipConfirmDialog() {
  const pending = useSlipConfirm((s) => s.pending);
  return pending ? <Confirm pending={pending} /> : null;
}

function Confirm({ pending }: { pending: SlipConfirmation }) {
  const t = useT();
  const ref = useRef<HTMLDialogElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  // Keys pressed down inside the dialog: the key-up of the press that opened it is not a click.
  const down = useRef(new Set<string>());
  const { cues } = useRunOfShow();
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
    // showModal focuses the first button (the confirm one) unless told: the focus goes to cancel.
    cancel.current?.focus();
  }, []);

  const onKeyDown = (e: KeyboardEvent<HTMLDialogElement>) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      if (!e.repeat) void confirmSlip();
      return;
    }
    if ((e.key === 'Enter' || e.key === ' ') && e.repeat) e.preventDefault();
    else down.current.add(e.key);
  };
  const onKeyUp = (e: KeyboardEvent<HTMLDialogElement>) => {
    if (e.key === ' ' && !down.current.has(' ')) e.preventDefault();
    down.current.delete(e.key);
  };

  const confirmLabel = t(pending.kind === 'go' ? 'confirm.go.confirm' : 'confirm.undo.confirm');
  return (
    <dialog
      ref={ref}
      className="slip-confirm"
      aria-labelledby={titleId}
      onClose={cancelSlip}
      onKeyDown={onKeyDown}
      onKeyUp={onKeyUp}
      data-testid="slip-confirm"
      data-kind={pending.kind}
      data-cue-id={pending.cueId}
    >
      {pending.kind === 'go' ? (
        <GoBody titleId={titleId} cueId={pending.cueId} reasons={pending.reasons} cues={cues} />
      ) : (
        <UndoBody titleId={titleId} cueId={pending.cueId} />
      )}
      <p className="slip-confirm-keys">{t('confirm.keys', { confirm: confirmLabel })}</p>
      <div className="dialog-actions slip-confirm-actions">
        <button type="button" className="btn btn-warn" onClick={() => void confirmSlip()} data-testid="slip-confirm-yes">
          {confirmLabel} <kbd>{t('key.ctrlEnter')}</kbd>
        </button>
        <button type="button" className="btn" ref={cancel} onClick={() => ref.current?.close()} data-testid="slip-confirm-no">
          {t(pending.kind === 'go' ? 'confirm.go.cancel' : 'confirm.undo.cancel')}
        </button>
      </div>
    </dialog>
  );
}

function GoBody({ titleId, cueId, reasons, cues }: { titleId: string; cueId: string; reasons: Extract<SlipConfirmation, { kind: 'go' }>['reasons']; cues: CueView[] }) {
  const t = useT();
  const programme = useRegie((s) => s.state?.programme ?? null);
  const target = cues.find((c) => c.id === cueId);
  if (!programme || !target) return <h2 id={titleId}>{t('confirm.go.title')}</h2>;
  const session = programme.sessions.find((s) => s.id === target.sessionId);
  const destination = sceneDestination(target.cue.action);
  return (
    <>
      <h2 id={titleId}>{t('confirm.go.title')}</h2>
      <p className="slip-confirm-cue" data-testid="slip-confirm-cue">
        <time>{deskTime(target.expectedAt, programme.event.timeZone)}</time> <strong>{cueActionWords(target.cue.action, programme, t)}</strong>
        {session && <span className="muted"> · {session.title}</span>}
      </p>
      <p>{t('confirm.go.lead')}</p>
      <ul className="slip-confirm-reasons" data-testid="slip-confirm-reasons">
        {fullReasons(reasons, target, cues, programme, t).map((r) => (
          <li key={r.text}>
            {r.text}
            {r.cues && (
              <ul className="slip-confirm-passed">
                {r.cues.map((c) => (
                  <li key={c}>{c}</li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ul>
      {destination && <p className={`slip-confirm-destination slip-to-${destination}`}>{t(destination === 'air' ? 'confirm.go.toAir' : 'confirm.go.toPreview')}</p>}
    </>
  );
}

function UndoBody({ titleId, cueId }: { titleId: string; cueId: string }) {
  const t = useT();
  const state = useRegie((s) => s.state);
  const programme = state?.programme ?? null;
  const cue = programme?.sessions.flatMap((s) => s.cues ?? []).find((c) => c.id === cueId);
  const plan = state ? deskUndoPlan(state, cueId) : null;
  const lines = plan?.ok ? undoLines(plan, programme, t) : null;
  return (
    <>
      <h2 id={titleId}>{t('confirm.undo.title', { cue: cue ? cueActionWords(cue.action, programme, t) : cueId })}</h2>
      {lines && (
        <>
          <p>{t('confirm.undo.does')}</p>
          <ul className="slip-confirm-reasons" data-testid="slip-confirm-does">
            {lines.done.map((l) => (
              <li key={l}>{l}</li>
            ))}
          </ul>
          {lines.kept.length > 0 && (
            <>
              <p>{t('confirm.undo.keeps')}</p>
              <ul className="slip-confirm-reasons slip-confirm-kept" data-testid="slip-confirm-kept">
                {lines.kept.map((l) => (
                  <li key={l}>{l}</li>
                ))}
              </ul>
            </>
          )}
        </>
      )}
    </>
  );
}
