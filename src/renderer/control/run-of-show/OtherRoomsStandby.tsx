import { cueRoomState } from '../../../shared/domain/cue-rooms';
import type { Programme } from '../../../shared/domain/programme';
import { findRoom, type RoomId } from '../../../shared/domain/rooms';
import { cueActionWords } from '../../lib/cue-words';
import { deskTime } from '../../lib/desk-time';
import { useT } from '../../lib/i18n';
import { useRegie } from '../../lib/regie-store';
import { type CueView, otherRoomsDue } from '../../lib/run-of-show-view';

/**
 * One compact line per other room whose standby is due (« Salle 450 : Ouvrir les questions —
 * 16:00 »): each room has its own standby and its auto cues fire on their own, and the central
 * desk sees what the workshops are about to do without switching rooms. A room held says so.
 */
export function OtherRoomsStandby({ cues, programme, now, room }: { cues: readonly CueView[]; programme: Programme; now: number; room: RoomId }) {
  const t = useT();
  const show = useRegie((s) => s.state?.cues ?? null);
  const due = otherRoomsDue(cues, now, room);
  if (due.length === 0 || !show) return null;
  const tz = programme.event.timeZone;
  return (
    <ul className="other-rooms-standby" aria-label={t('cues.otherRooms')} data-testid="other-rooms-standby">
      {due.map((c) => {
        const held = cueRoomState(show, c.room).held;
        return (
          <li key={c.room} data-room={c.room} data-cue-id={c.id} data-status={c.status} className={`other-room-line other-room-${c.status}`}>
            {t('cues.otherRoomLine', {
              room: findRoom(programme, c.room)?.name ?? c.room,
              what: cueActionWords(c.cue.action, programme, t),
              time: deskTime(c.expectedAt, tz),
            })}
            {c.status === 'missed' && <span className="missed-tag">{t('cues.otherRoomMissed')}</span>}
            {held && <span className="hold-tag">{t('cues.otherRoomHeld')}</span>}
          </li>
        );
      })}
    </ul>
  );
}
