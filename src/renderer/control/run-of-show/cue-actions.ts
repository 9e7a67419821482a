import type { Command } from '../../../shared/api/commands';
import type { CommandResult } from '../../../shared/api/results';
import { cueList, type TimedCue } from '../../../shared/domain/cue-list';
import { goOrder, type OutOfOrder } from '../../../shared/domain/cue-order';
import { applyDelays } from '../../../shared/domain/delays';
import { undoNeedsConfirmation } from '../../../shared/domain/go-undo';
import { cueRoom } from '../../../shared/api/room-bus';
import { cueRoomState } from '../../../shared/domain/cue-rooms';
import { deskCuesOf, deskLastGo, deskRoomOf, deskUndoPlan } from '../rooms/use-desk-room';
import { sendCommand } from '../../lib/core-client';
import { undoReport } from '../../lib/go-undo-words';
import { currentLanguage, type MessageKey, type MessageParams, translate } from '../../lib/i18n';
import { useRegie } from '../../lib/regie-store';
import { showTime } from '../../lib/use-show-clock';
import { type CueFeedback, nextCueTicket, showCueFeedback, useCueFeedback, useSlipConfirm } from './run-of-show-store';

/**
 * The run-of-show commands of the desk (GO, standby moves, skip, hold, re-arm, undo), from the
 * keyboard or the buttons alike, and the core's latest word, shown inline in the cue panel. A
 * refusal stays until a later command succeeds or a few seconds pass.
 *
 * A GO out of order (src/shared/domain/cue-order.ts) and the undo of a GO more than a minute old
 * are not sent at once: they open a confirmation (SlipConfirmDialog) that a second stray key cannot
 * give. The core refuses them anyway without the flag: a desk with a stale mirror is caught too.
 */
type CueCommand = Extract<Command, { type: `cue.${string}` }>;

const tr = (key: MessageKey, params?: MessageParams) => translate(currentLanguage(), key, params);

export async function sendCueCommand(command: CueCommand): Promise<CommandResult> {
  const ticket = nextCueTicket();
  const r = await sendCommand(command);
  const shown = useCueFeedback.getState();
  if (!r.ok) showCueFeedback(r.error.message, 'error', ticket);
  else if (shown.message !== null && shown.ticket < ticket) useCueFeedback.setState({ message: null, ticket });
  return r;
}

/** Shows a word of the desk itself (what an undo did, why a key was ignored). */
export function sayCue(message: string, tone: CueFeedback['tone'] = 'info'): void {
  showCueFeedback(message, tone, nextCueTicket());
}

/** The cue list and the show time as the core reads them, from the mirrored state. */
function runOfShowNow(): { list: TimedCue[]; now: number } | null {
  const { state, serverOffsetMs } = useRegie.getState();
  if (!state?.programme) return null;
  return { list: cueList(state.programme, applyDelays(state.programme, state.delays)), now: showTime(state.clock, serverOffsetMs) };
}

/** Why a GO on `cueId` now would be out of order in its room ([] when it is the one due next there). */
export function outOfOrderNow(cueId: string): OutOfOrder[] {
  const state = useRegie.getState().state;
  const ros = runOfShowNow();
  return state && ros ? goOrder(cueRoomState(state.cues, cueRoom(state, cueId)), ros.list, ros.now, cueId) : [];
}

/** `{ room }`: the desk's room, named in the standby's commands (each room has its own standby). */
function deskRoomField(): { room?: string } {
  const state = useRegie.getState().state;
  return state ? { room: deskRoomOf(state) } : {};
}

/**
 * GO on a cue: at once when it is the one due next; otherwise the confirmation opens first.
 * Says, at once, whether a GO left for the core (false: a confirmation opened, or one was open).
 */
export function requestGo(cueId: string | null): boolean {
  if (useSlipConfirm.getState().pending) return false; // a confirmation is open: it decides
  if (cueId === null) {
    void sendCueCommand({ type: 'cue.go', ...deskRoomField() });
    return true;
  }
  const reasons = outOfOrderNow(cueId);
  if (reasons.length > 0) {
    useSlipConfirm.setState({ pending: { kind: 'go', cueId, reasons } });
    return false;
  }
  void sendCueCommand({ type: 'cue.go', cueId }).then((r) => {
    // The core saw it out of order (a clock a second apart): it asks the same question.
    if (!r.ok && r.error.issues?.some((i) => i.path === 'outOfOrder')) {
      useCueFeedback.setState({ message: null });
      useSlipConfirm.setState({ pending: { kind: 'go', cueId, reasons: outOfOrderNow(cueId) } });
    }
  });
  return true;
}

/**
 * GO on what the desk shows on standby, its room's (what you see is what you fire); the core
 * refuses a double press.
 */
export function goStandby(): boolean {
  const state = useRegie.getState().state;
  return requestGo(state ? deskCuesOf(state).standby : null);
}

export function goCue(cueId: string): void {
  requestGo(cueId);
}

/** The confirmation's own button (or Ctrl+Entrée in it): what it asked, flagged as confirmed. */
export async function confirmSlip(): Promise<void> {
  const pending = useSlipConfirm.getState().pending;
  if (!pending) return;
  useSlipConfirm.setState({ pending: null });
  if (pending.kind === 'go') await sendCueCommand({ type: 'cue.go', cueId: pending.cueId, outOfOrder: true });
  else await sendUndo(pending.cueId, true);
}

export function cancelSlip(): void {
  useSlipConfirm.setState({ pending: null });
}

export function skipCue(cueId: string): void {
  void sendCueCommand({ type: 'cue.skip', cueId });
}

/** A cue back to waiting and on standby (fired, skipped, missed or passed over). */
export function rearmCue(cueId: string): void {
  void sendCueCommand({ type: 'cue.rearm', cueId });
}

export function moveStandby(direction: 'next' | 'previous'): void {
  void sendCueCommand({ type: direction === 'next' ? 'cue.next' : 'cue.previous', ...deskRoomField() });
}

export function toggleHold(): void {
  const state = useRegie.getState().state;
  const held = state ? deskCuesOf(state).held : false;
  void sendCueCommand({ type: held ? 'cue.release' : 'cue.hold', ...deskRoomField() });
}

async function sendUndo(cueId: string, confirmed: boolean): Promise<void> {
  const state = useRegie.getState().state;
  // Worded from the state before it: what it is about to do and what it cannot.
  const plan = state ? deskUndoPlan(state, cueId) : null;
  const r = await sendCueCommand({ type: 'cue.undo', cueId, ...(confirmed ? { confirmed: true as const } : {}) });
  if (r.ok) {
    if (plan?.ok) sayCue(undoReport(plan, state?.programme ?? null, tr));
  } else if (r.error.issues?.some((i) => i.path === 'confirmed')) {
    useCueFeedback.setState({ message: null });
    useSlipConfirm.setState({ pending: { kind: 'undo', cueId } });
  }
}

/** `u` / Ctrl+Z on the run of show: undoes the last GO (past a minute, after a confirmation). */
export function undoLastGo(): void {
  if (useSlipConfirm.getState().pending) return;
  const { state, serverOffsetMs } = useRegie.getState();
  const last = state ? deskLastGo(state) : null;
  if (!state || !last) {
    sayCue(tr('undoGo.nothing'));
    return;
  }
  if (undoNeedsConfirmation(last, showTime(state.clock, serverOffsetMs))) {
    useSlipConfirm.setState({ pending: { kind: 'undo', cueId: last.cueId } });
    return;
  }
  void sendUndo(last.cueId, false);
}
