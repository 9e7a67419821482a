import { type FormEvent, type KeyboardEvent, useId, useState } from 'react';
import type { Command } from '../../../shared/api/commands';
import type { SessionTiming } from '../../../shared/domain/delays';
import type { Session } from '../../../shared/domain/programme';
import { useT } from '../../lib/i18n';
import { parseDelayMinutes } from '../../lib/minutes-input';
import { offsetWords } from '../../lib/offset-words';
import { useCommand } from '../../lib/use-command';

const QUICK_DELAYS = [5, 10, 15] as const;

/**
 * Under a session of the rundown: « we are running N minutes late » (quick buttons or typed),
 * back on time, take the delays back; and its actual start and end for the as-run log.
 */
export function SessionActions({
  session,
  timing,
  hasEntry,
  onClose,
}: {
  session: Session;
  timing: SessionTiming | undefined;
  hasEntry: boolean;
  onClose: () => void;
}) {
  const t = useT();
  const inputId = useId();
  const { send, pending, problem, clear } = useCommand();
  const [custom, setCustom] = useState('');
  const [invalid, setInvalid] = useState(false);

  const act = async (command: Command) => {
    const r = await send(command);
    if (r.ok) onClose();
  };
  const setDelay = (minutes: number) => void act({ type: 'delay.set', sessionId: session.id, minutes });
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const minutes = parseDelayMinutes(custom);
    if (minutes === null) return setInvalid(true);
    setDelay(minutes);
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.stopPropagation();
      onClose();
    }
  };

  return (
    <div className="tl-actions" data-testid="session-actions" onKeyDown={onKeyDown}>
      <div className="tl-actions-line">
        <span className="tl-actions-label">{t('delay.label')}</span>
        {QUICK_DELAYS.map((m) => (
          <button
            key={m}
            type="button"
            className="btn btn-small btn-delay"
            disabled={pending}
            onClick={() => setDelay(m)}
            aria-label={t('delay.quickLabel', { m })}
            data-testid={`delay-${m}`}
          >
            +{m}
          </button>
        ))}
        <form className="tl-delay-form" onSubmit={onSubmit} noValidate>
          <label htmlFor={inputId} className="visually-hidden">
            {t('delay.custom')}
          </label>
          <input
            id={inputId}
            type="text"
            inputMode="numeric"
            autoComplete="off"
            className="tl-delay-input"
            autoFocus
            placeholder={t('delay.customPlaceholder')}
            value={custom}
            aria-invalid={invalid ? true : undefined}
            onChange={(e) => {
              setCustom(e.target.value);
              setInvalid(false);
              clear();
            }}
            data-testid="delay-custom"
          />
          <button type="submit" className="btn btn-small" disabled={pending} data-testid="delay-apply">
            {t('delay.apply')}
          </button>
        </form>
      </div>
      <div className="tl-actions-line">
        <button type="button" className="btn btn-small" disabled={pending} onClick={() => setDelay(0)} data-testid="delay-ontime">
          {t('delay.onTime')}
        </button>
        <button
          type="button"
          className="btn btn-small"
          disabled={pending || !hasEntry}
          onClick={() => void act({ type: 'delay.clear', sessionId: session.id })}
          data-testid="delay-clear"
        >
          {t('delay.clear')}
        </button>
      </div>
      <div className="tl-actions-line">
        <span className="tl-actions-label">{t('delay.marks')}</span>
        <button
          type="button"
          className="btn btn-small"
          disabled={pending}
          onClick={() => void act({ type: 'session.mark', sessionId: session.id, edge: 'start' })}
          data-testid="mark-start"
        >
          {t('delay.markStart')}
        </button>
        <button
          type="button"
          className="btn btn-small"
          disabled={pending}
          onClick={() => void act({ type: 'session.mark', sessionId: session.id, edge: 'end' })}
          data-testid="mark-end"
        >
          {t('delay.markEnd')}
        </button>
        <button type="button" className="btn btn-small btn-ghost tl-actions-close" onClick={onClose}>
          {t('delay.close')}
        </button>
      </div>
      <p className="hint">
        {t('delay.current', { offset: offsetWords(timing?.startDelay ?? 0, t) })} · {t('delay.hint')}
      </p>
      {(invalid || problem) && (
        <p className="form-error" role="alert" data-testid="delay-error">
          {invalid ? t('delay.invalid') : problem?.message}
        </p>
      )}
    </div>
  );
}
