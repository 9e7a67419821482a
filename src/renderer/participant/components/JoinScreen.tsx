import { type FormEvent, useId, useState } from 'react';
import type { Origin } from '../../../shared/protocol/fields';
import { MAX } from '../../../shared/protocol/limits';
import { hubErrorText, useLanguage, useT } from '../i18n';
import { normaliseCode } from '../lib/identity';
import { useParticipant } from '../lib/participant-store';
import { RemoteIcon, RoomIcon } from './icons';

interface Props {
  initialCode: string;
  initialOrigin: Origin | null;
  onJoin: (code: string, origin: Origin) => void;
}

/** The way in: the event code (from the QR code, or typed) and the place: in the room or remote. */
export function JoinScreen({ initialCode, initialOrigin, onJoin }: Props) {
  const t = useT();
  const language = useLanguage((s) => s.language);
  const uid = useId();
  const joinError = useParticipant((s) => s.joinError);
  const [code, setCode] = useState(initialCode);
  const [missing, setMissing] = useState(false);

  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const submitter = (e.nativeEvent as SubmitEvent).submitter;
    const origin = submitter instanceof HTMLButtonElement ? submitter.value : '';
    const normalised = normaliseCode(code);
    if (!normalised) return setMissing(true);
    if (origin === 'room' || origin === 'remote') onJoin(normalised, origin);
  };
  const codeError = missing ? t('join.codeMissing') : joinError ? t('join.refused', { reason: hubErrorText(language, joinError) }) : '';

  return (
    <main className="join" id="main">
      <h1 className="join-title">{t('join.heading')}</h1>
      <p className="join-intro">{t('join.intro')}</p>
      <form onSubmit={onSubmit} noValidate className="card join-card">
        <label htmlFor={`${uid}-code`} className="field-label">
          {t('join.code')}
        </label>
        <input
          id={`${uid}-code`}
          className="code-input"
          type="text"
          value={code}
          onChange={(e) => {
            setCode(e.target.value);
            setMissing(false);
          }}
          maxLength={MAX.eventCode}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          aria-describedby={`${uid}-code-help${codeError ? ` ${uid}-code-error` : ''}`}
          aria-invalid={codeError ? true : undefined}
          data-testid="code-input"
        />
        <p id={`${uid}-code-help`} className="hint">
          {t('join.codeHelp')}
        </p>
        <p id={`${uid}-code-error`} role="alert" className={codeError ? 'field-error' : 'status-none'} data-testid="join-error">
          {codeError || null}
        </p>
        <fieldset className="origin-choice" aria-describedby={`${uid}-where-help`}>
          <legend className="field-label">{t('join.where')}</legend>
          <button
            type="submit"
            name="origin"
            value="room"
            className={`origin${initialOrigin === 'room' ? ' origin-last' : ''}`}
            data-testid="join-room"
          >
            <RoomIcon />
            {t('join.room')}
          </button>
          <button
            type="submit"
            name="origin"
            value="remote"
            className={`origin${initialOrigin === 'remote' ? ' origin-last' : ''}`}
            data-testid="join-remote"
          >
            <RemoteIcon />
            {t('join.remote')}
          </button>
          <p id={`${uid}-where-help`} className="hint">
            {t('join.whereHelp')}
          </p>
        </fieldset>
      </form>
    </main>
  );
}
