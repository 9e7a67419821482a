import { type FormEvent, useId, useState } from 'react';
import type { Programme } from '../../shared/domain/programme';
import { epochToWall, zonedToEpoch } from '../../shared/domain/zoned-time';
import { sendCommand } from '../lib/core-client';
import { useLanguage, useT } from '../lib/i18n';
import { dayLabel } from '../lib/programme-view';
import { useRegie } from '../lib/regie-store';
import { parseTypedTime } from '../lib/wall-input';
import { Panel } from './Panel';

type Status = { kind: 'idle' } | { kind: 'sending' } | { kind: 'done' } | { kind: 'invalid' } | { kind: 'error'; message: string };

/** The dates offered: the programme's days, and the date the show clock stands on. */
function dateChoices(programme: Programme | null, ...extra: string[]): string[] {
  const dates = new Set(programme?.days.map((d) => d.date) ?? []);
  extra.forEach((d) => dates.add(d));
  return [...dates].sort();
}

/**
 * « Horloge »: real time, or a rehearsal clock set to a day and a time in the event's time zone.
 * Leaving real time asks for a confirmation: the projector will show the rehearsal time.
 */
export function ClockControl({ now, timeZone }: { now: number; timeZone: string }) {
  const t = useT();
  const locale = useLanguage((s) => (s.language === 'fr' ? 'fr-FR' : 'en-GB'));
  const ids = { date: useId(), time: useId() };
  const mode = useRegie((s) => s.state?.clock.mode ?? 'live');
  const programme = useRegie((s) => s.state?.programme ?? null);
  const [initial] = useState(() => epochToWall(now, timeZone));
  const [date, setDate] = useState(initial.date);
  const [timeText, setTimeText] = useState(initial.time);
  const [armed, setArmed] = useState(false);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const time = parseTypedTime(timeText);

  const send = async (clock: { mode: 'live' } | { mode: 'rehearsal'; at: number }) => {
    setStatus({ kind: 'sending' });
    const r = await sendCommand({ type: 'clock.set', clock });
    setArmed(false);
    setStatus(r.ok ? { kind: 'done' } : { kind: 'error', message: r.error.message });
  };
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (!time) return setStatus({ kind: 'invalid' });
    if (mode === 'live' && !armed) return setArmed(true);
    void send({ mode: 'rehearsal', at: zonedToEpoch({ date, time }, timeZone) });
  };
  const edited = () => {
    setArmed(false);
    if (status.kind !== 'sending') setStatus({ kind: 'idle' });
  };

  return (
    <Panel
      title={t('clockControl.label')}
      className="clock-panel"
      testId="clock-control"
      actions={
        <span
          className={mode === 'rehearsal' ? 'mode-pill mode-rehearsal' : 'mode-pill mode-live'}
          data-testid="clock-mode"
          data-mode={mode}
        >
          {mode === 'rehearsal' ? t('clockControl.modeRehearsal') : t('clockControl.modeLive')}
        </span>
      }
    >
      <form className="clock-form" onSubmit={onSubmit} noValidate>
        <div className="field">
          <label htmlFor={ids.date}>{t('clockControl.date')}</label>
          <select
            id={ids.date}
            value={date}
            onChange={(e) => {
              setDate(e.target.value);
              edited();
            }}
            data-testid="clock-date"
          >
            {dateChoices(programme, initial.date, date, epochToWall(now, timeZone).date).map((d) => (
              <option key={d} value={d}>
                {programme ? dayLabel(programme, d, locale, 'short') : d}
              </option>
            ))}
          </select>
        </div>
        <div className="field field-time">
          <label htmlFor={ids.time}>{t('clockControl.time')}</label>
          <input
            id={ids.time}
            type="text"
            inputMode="numeric"
            autoComplete="off"
            placeholder="HH:MM"
            value={timeText}
            aria-invalid={time === null ? true : undefined}
            onChange={(e) => {
              setTimeText(e.target.value);
              edited();
            }}
            data-testid="clock-time"
          />
        </div>
        <div className="clock-actions">
          {armed && time ? (
            <>
              <button type="submit" className="btn btn-warn" data-testid="clock-confirm" autoFocus>
                {t('clockControl.confirm', { time: `${programme ? dayLabel(programme, date, locale, 'short') : date} ${time}` })}
              </button>
              <button type="button" className="btn" onClick={() => setArmed(false)}>
                {t('clockControl.cancel')}
              </button>
            </>
          ) : (
            <button type="submit" className="btn" disabled={status.kind === 'sending'} data-testid="clock-set-rehearsal">
              {t('clockControl.setRehearsal')}
            </button>
          )}
          <button
            type="button"
            className="btn"
            disabled={mode === 'live' || status.kind === 'sending'}
            onClick={() => void send({ mode: 'live' })}
            data-testid="clock-live"
          >
            {t('clockControl.backToLive')}
          </button>
        </div>
      </form>
      <p className="hint">{t('clockControl.zone', { zone: timeZone })}</p>
      <p className="form-status" role="status" data-testid="clock-status">
        {status.kind === 'sending' ? t('clockControl.sending') : status.kind === 'done' ? t('clockControl.done') : ''}
      </p>
      {(status.kind === 'error' || status.kind === 'invalid') && (
        <p className="form-error" role="alert" data-testid="clock-error">
          {status.kind === 'error' ? status.message : t('clockControl.invalid')}
        </p>
      )}
    </Panel>
  );
}
