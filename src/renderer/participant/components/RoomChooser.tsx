import { useId } from 'react';
import type { ParticipantPlace, RoomsSummary } from '../../../shared/protocol/rooms';
import { useT } from '../i18n';
import { chooseRoom } from '../lib/hub-link';
import { followableRooms, roomName } from '../lib/rooms';
import { RoomIcon } from './icons';

interface Props {
  rooms: RoomsSummary['rooms'];
  place: ParticipantPlace;
  /** Shown when the phone asked to change: it may stay where it is. */
  onClose?: () => void;
}

/** Several sessions at once: the phone picks its room (large targets), then sees only that room. */
export function RoomChooser({ rooms, place, onClose }: Props) {
  const t = useT();
  const uid = useId();
  const choices = followableRooms(rooms, place);
  return (
    <section className="card room-chooser" aria-labelledby={`${uid}-h`} data-testid="room-chooser">
      <h2 id={`${uid}-h`} className="room-chooser-title">
        {t('rooms.heading')}
      </h2>
      <p className="hint">{t('rooms.intro')}</p>
      <ul className="room-choices">
        {choices.map((r) => (
          <li key={r.id}>
            <button
              type="button"
              className={`origin room-choice${r.id === place.room && place.chosen ? ' origin-last' : ''}`}
              onClick={() => {
                chooseRoom(r.id);
                onClose?.();
              }}
              data-testid="room-choice"
              data-room={r.id}
            >
              <RoomIcon />
              <span className="room-choice-text">
                <span>{r.name}</span>
                {r.main || (r.id === place.room && place.chosen) ? (
                  <span className="room-choice-note">{r.id === place.room && place.chosen ? t('rooms.current') : t('rooms.main')}</span>
                ) : null}
              </span>
            </button>
          </li>
        ))}
      </ul>
      {onClose ? (
        <button type="button" className="link-button" onClick={onClose} data-testid="room-chooser-cancel">
          {t('rooms.cancel', { room: roomName(rooms, place.room) })}
        </button>
      ) : null}
    </section>
  );
}
