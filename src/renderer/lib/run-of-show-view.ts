import type { CueRun, CueStatus } from '../../shared/domain/cue-events';
import { cueStatus } from '../../shared/domain/cue-events';
import type { TimedCue } from '../../shared/domain/cue-list';
import { type CueShowState, roomOfCueSession, standbyOf } from '../../shared/domain/cue-rooms';
import type { Programme } from '../../shared/domain/programme';
import type { RoomId } from '../../shared/domain/rooms';

/** The cue list as the desk shows it: each cue with its status, and the lists of the cue panel. Pure. */

export interface CueView extends TimedCue {
  status: CueStatus;
  run: CueRun | undefined;
  /** Its session's room: each room has its own standby. */
  room: RoomId;
  /** The cue its room's next GO fires. */
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

export function cueViews(list: readonly TimedCue[], show: CueShowState, programme: Programme): CueView[] {
  return list.map((c) => {
    const room = roomOfCueSession(programme, c.sessionId);
    return { ...c, status: cueStatus(show, c.id), run: show.runs[c.id], room, standby: standbyOf(show, room).standby === c.id };
  });
}

/** The cue panel of one room (the desk's): its standby, and its lists, never another room's. */
export function cuePanelView(all: readonly CueView[], now: number, room: RoomId, count = UPCOMING_SHOWN): CuePanelView {
  const views = all.filter((c) => c.room === room);
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

/** How far ahead another room's standby is shown at the desk (overdue ones always). */
export const OTHER_ROOM_DUE_MS = 15 * 60_000;

/**
 * The other rooms' standbys the central desk keeps in sight without switching: each room's
 * standby due within `OTHER_ROOM_DUE_MS` (or past its time, or missed), in the order they are due.
 */
export function otherRoomsDue(all: readonly CueView[], now: number, room: RoomId, within = OTHER_ROOM_DUE_MS): CueView[] {
  return all.filter((c) => c.standby && c.room !== room && (c.status === 'missed' || c.expectedAt - now <= within));
}

/** The cues of one session, in the order they are expected. */
export function cuesOfSession(views: readonly CueView[], sessionId: string): CueView[] {
  return views.filter((c) => c.sessionId === sessionId);
}
