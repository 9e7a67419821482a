import { type FormEvent, useId, useMemo, useState } from 'react';
import { rehearsalBounds } from '../../../shared/domain/rehearsal-clock';
import { epochToWall } from '../../../shared/domain/zoned-time';
import { sendCommand } from '../../lib/core-client';
import { useLanguage, useT } from '../../lib/i18n';
import { dayLabel } from '../../lib/programme-view';
import { useRegie } from '../../lib/regie-store';
import { parseTypedTime, rehearsalDateChoices, rehearsalEntry } from '../../lib/wall-input';
import { Panel } from '../shell/Panel';

type Status =
  { kind: 'idle' } | { kind: 'sending' } | { kind: 'done' } | { kind: 'invalid' } | { kind: 'bounds' } | { kind: 'error'; message: string };

/**
 * « Horloge »: real time, or a rehearsal clock set to a day and a time in the event's time zone.
 * Leaving real time asks for a confirmation: the projector will show the rehearsal time. Only the
 * event's days and one day either side are offered (the core refuses any other: rehearsal-clock.ts).
 */
export function ClockControl({ now, timeZone }: { now: number; timeZone: string }) {
  const t = useT();
  const locale = useLanguage((s) => (s.language === 'fr' ? 'fr-FR' : 'en-GB'));
  const ids = { date: useId(), time: useId() };
  const mode = useRegie((s) => s.state?.clock.mode ?? 'live');
  const programme = useRegie((s) => s.state?.programme ?? null);
  const bounds = useMemo(() => rehearsalBounds(programme), [programme]);
  const [initial] = useState(() => epochToWall(now, timeZone));
  const choices = rehearsalDateChoices(bounds, initial.date, epochToWall(now, timeZone).date);
  // The show clock's day when it is one of the event's, else the event's first day.
  const [date, setDate] = useState(() => (choices.includes(initial.date) ? initial.date : (programme?.days[0]?.date ?? initial.date)));
  const [timeText, setTimeText] = useState(initial.time);
  const [armed, setArmed] = useState(false);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const time = parseTypedTime(timeText);
  const shownDay = (d: string) => (programme ? dayLabel(programme, d, locale, 'short') : d);
  const longDay = (d: string | null) => (d === null ? '' : programme ? dayLabel({ ...programme, days: [] }, d, locale, 'long') : d);

  const send = async (clock: { mode: 'live' } | { mode: 'rehearsal'; at: number }) => {
    setStatus({ kind: 'sending' });
    const r = await sendCommand({ type: 'clock.set', clock });
    setArmed(false);
    setStatus(r.ok ? { kind: 'done' } : { kind: 'error', message: r.error.message });
  };
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const entry = rehearsalEntry(date, timeText, timeZone, bounds);
    if (!entry.ok) {
      setArmed(false);
      return setStatus({ kind: entry.why === 'time' ? 'invalid' : 'bounds' });
    }
    if (mode === 'live' && !armed) return setArmed(true);
    void send({ mode: 'rehearsal', at: entry.at });
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
            {(choices.includes(date) ? choices : [...choices, date].sort()).map((d) => (
              <option key={d} value={d}>
                {shownDay(d)}
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
                {t('clockControl.confirm', { time: `${shownDay(date)} ${time}` })}
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
      <p className="hint">
        {t('clockControl.zone', { zone: timeZone })}
        {bounds.firstDay !== null && (
          <>
            {' · '}
            <span data-testid="clock-bounds">
              {t('clockControl.bounds', { first: shownDay(bounds.firstDay), last: shownDay(bounds.lastDay ?? bounds.firstDay) })}
            </span>
          </>
        )}
      </p>
      <p className="form-status" role="status" data-testid="clock-status">
        {status.kind === 'sending' ? t('clockControl.sending') : status.kind === 'done' ? t('clockControl.done') : ''}
      </p>
      {(status.kind === 'error' || status.kind === 'invalid' || status.kind === 'bounds') && (
        <p className="form-error" role="alert" data-testid="clock-error">
          {status.kind === 'error'
            ? status.message
            : status.kind === 'bounds'
              ? t('clockControl.outOfBounds', { first: longDay(bounds.firstDay), last: longDay(bounds.lastDay) })
              : t('clockControl.invalid')}
        </p>
      )}
    </Panel>
  );
}
