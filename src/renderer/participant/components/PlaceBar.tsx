import { type FormEvent, useId, useState } from 'react';
import { hubErrorText, useLanguage, useT } from '../i18n';
import { sendPersonalCode } from '../lib/hub-link';
import { useParticipant } from '../lib/participant-store';
import { followableRooms, roomName } from '../lib/rooms';

/**
 * Where the hub put this phone: its room, « dans la salle » or « à distance » (the hub decides, from
 * the room's QR code), « Changer de salle » when there is a choice, and for a remote attendee the
 * personal code given at registration.
 */
export function PlaceBar({ onChangeRoom }: { onChangeRoom: () => void }) {
  const t = useT();
  const uid = useId();
  const language = useLanguage((s) => s.language);
  const place = useParticipant((s) => s.place);
  const rooms = useParticipant((s) => s.rooms);
  const codeError = useParticipant((s) => s.codeError);
  const [code, setCode] = useState('');
  const [missing, setMissing] = useState(false);
  if (!place || rooms.length === 0) return null;

  const name = roomName(rooms, place.room);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const typed = code.trim();
    if (!typed) return setMissing(true);
    sendPersonalCode(typed.slice(0, 32));
    setCode('');
  };
  const error = missing ? t('code.missing') : codeError ? hubErrorText(language, codeError) : '';

  return (
    <section className="card card-quiet place-bar" aria-label={name} data-testid="place-bar" data-origin={place.origin} data-room={place.room}>
      <div className="place-row">
        <p className="place-name" data-testid="hub-place">
          {t(place.origin === 'room' ? 'place.room' : 'place.remote', { room: name })}
        </p>
        {followableRooms(rooms, place).length > 1 ? (
          <button type="button" className="link-button" onClick={onChangeRoom} data-testid="change-room">
            {t('place.change')}
          </button>
        ) : null}
      </div>
      {place.origin === 'remote' ? (
        place.identified ? (
          <p className="hint" data-testid="code-identified">
            ✓ {t('place.identified')}
          </p>
        ) : (
          <details className="code-entry" open={codeError !== null || undefined}>
            <summary data-testid="code-open">{t('code.open')}</summary>
            <form onSubmit={onSubmit} noValidate>
              <label htmlFor={`${uid}-code`} className="field-label">
                {t('code.label')}
              </label>
              <input
                id={`${uid}-code`}
                type="text"
                value={code}
                maxLength={32}
                autoComplete="off"
                autoCapitalize="characters"
                spellCheck={false}
                onChange={(e) => {
                  setCode(e.target.value);
                  setMissing(false);
                }}
                aria-describedby={`${uid}-help${error ? ` ${uid}-error` : ''}`}
                aria-invalid={error ? true : undefined}
                data-testid="personal-code-input"
              />
              <p className="hint" id={`${uid}-help`}>
                {t('code.help')}
              </p>
              <p id={`${uid}-error`} role="alert" className={error ? 'field-error' : 'status-none'} data-testid="personal-code-error">
                {error || null}
              </p>
              <button type="submit" className="primary" data-testid="personal-code-submit">
                {t('code.submit')}
              </button>
            </form>
          </details>
        )
      ) : null}
    </section>
  );
}
