import type { CueEngineState, CueRun, CueStatus } from '../../shared/domain/cue-events';
import { cueStatus } from '../../shared/domain/cue-events';
import type { TimedCue } from '../../shared/domain/cue-list';

/** The cue list as the desk shows it: each cue with its status, and the lists of the cue panel. Pure. */

export interface CueView extends TimedCue {
  status: CueStatus;
  run: CueRun | undefined;
  /** The cue the next GO fires. */
  standby: boolean;
}

export interface CuePanelView {
  standby: CueView | null;
  /** Cues still to do after the standby (or, with no standby, the next ones not left behind). */
  upcoming: CueView[];
  missed: CueView[];
  prewaits: CueView[];
  /**
   * Passed over and not done, in sessions not over yet: waiting cues before the standby (the
   * operator arrowed past them), and skipped ones. They stay in sight, to re-arm.
   */
  behind: CueView[];
  /** Fired by a GO confirmed out of order, in sessions not over yet: what they did stays in sight. */
  outOfOrder: CueView[];
}

export const UPCOMING_SHOWN = 4;

export function cueViews(list: readonly TimedCue[], state: CueEngineState): CueView[] {
  return list.map((c) => ({ ...c, status: cueStatus(state, c.id), run: state.runs[c.id], standby: state.standby === c.id }));
}

export function cuePanelView(views: readonly CueView[], now: number, count = UPCOMING_SHOWN): CuePanelView {
  const standbyIndex = views.findIndex((c) => c.standby);
  const standby = views[standbyIndex] ?? null;
  const upcoming = (
    standby
      ? views.slice(standbyIndex + 1).filter((c) => c.status === 'waiting')
      : views.filter((c) => c.status === 'waiting' && (c.expectedAt > now || c.sessionEnd > now))
  ).slice(0, count);
  const live = (c: CueView) => c.sessionEnd > now;
  return {
    standby,
    upcoming,
    missed: views.filter((c) => c.status === 'missed'),
    prewaits: views.filter((c) => c.status === 'prewait'),
    behind: views.filter((c, i) => live(c) && !c.standby && (c.status === 'skipped' || (c.status === 'waiting' && standbyIndex >= 0 && i < standbyIndex))),
    outOfOrder: views.filter((c) => live(c) && c.run?.status === 'fired' && c.run.outOfOrder === true),
  };
}

/** The cues of one session, in the order they are expected. */
export function cuesOfSession(views: readonly CueView[], sessionId: string): CueView[] {
  return views.filter((c) => c.sessionId === sessionId);
}
