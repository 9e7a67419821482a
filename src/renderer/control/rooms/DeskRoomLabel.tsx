import { useT } from '../../lib/i18n';
import { driveMainRoom } from './desk-room-store';
import { roomHue } from './room-colour';
import { useDeskRoomInfo, useRoomSeat } from './use-desk-room';

/**
 * Which room the desk drives, beside the program monitors: a coloured label (each room its own
 * colour; the main room the desk's neutral one), and at the central desk, away from the main room,
 * the way back (`0`). TAKE and panic act on this room's screen.
 */
export function DeskRoomLabel() {
  const t = useT();
  const room = useDeskRoomInfo();
  const roomSeat = useRoomSeat();
  return (
    <div
      className={`desk-room-label${room.main ? ' desk-room-main' : ''}`}
      style={room.main ? undefined : { ['--room-hue' as string]: String(roomHue(room.id)) }}
      data-testid="desk-room-label"
      data-room={room.id}
      title={t('rooms.label.title', { name: room.name })}
    >
      <span className="desk-room-name" data-testid="desk-room-name">
        {room.name}
      </span>
      {!room.main && !roomSeat && (
        <button type="button" className="btn btn-small desk-room-back" onClick={driveMainRoom} aria-keyshortcuts="0" title={t('rooms.label.backTitle')} data-testid="desk-room-back">
          {t('rooms.label.back')} <kbd>0</kbd>
        </button>
      )}
    </div>
  );
}
