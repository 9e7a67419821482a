import { type FormEvent, type Ref, useId, useState } from 'react';
import { MAX_NOTE_LENGTH } from '../../../shared/api/commands';
import { sendCommand } from '../../lib/core-client';
import { useT } from '../../lib/i18n';
import { deskTime } from '../../lib/desk-time';
import { seatLabel } from '../../lib/programme-view';
import { useRegie } from '../../lib/regie-store';
import { Panel } from '../shell/Panel';

/**
 * « Main courante »: the operators' logbook. Enter adds the note; a refusal is shown under the
 * field and the text stays there to be corrected. Newest note first.
 */
export function LogbookPanel({ timeZone, inputRef }: { timeZone: string; inputRef: Ref<HTMLInputElement> }) {
  const t = useT();
  const inputId = useId();
  const notes = useRegie((s) => s.state?.notes ?? []);
  const total = useRegie((s) => s.state?.notesTotal ?? 0);
  const [text, setText] = useState('');
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (sending || text.trim() === '') return;
    setSending(true);
    const r = await sendCommand({ type: 'log.note', text });
    setSending(false);
    if (r.ok) {
      setText('');
      setError(null);
    } else {
      setError(r.error.message);
    }
  };

  const newestFirst = [...notes].reverse();
  return (
    <Panel
      title={t('logbook.label')}
      className="logbook-panel"
      testId="logbook"
      actions={total > notes.length ? <span className="muted small">{t('logbook.count', { shown: notes.length, total })}</span> : null}
    >
      <form className="logbook-form" onSubmit={submit}>
        <label htmlFor={inputId} className="visually-hidden">
          {t('logbook.inputLabel')}
        </label>
        <input
          id={inputId}
          ref={inputRef}
          className="logbook-input"
          type="text"
          autoComplete="off"
          maxLength={MAX_NOTE_LENGTH}
          placeholder={t('logbook.placeholder')}
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            if (error) setError(null);
          }}
          onKeyDown={(e) => {
            if (e.key === 'Escape') e.currentTarget.blur();
          }}
          aria-keyshortcuts="/ n"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${inputId}-error` : undefined}
          data-testid="note-input"
        />
        {sending && (
          <span className="logbook-sending" role="status">
            {t('logbook.sending')}
          </span>
        )}
      </form>
      {error && (
        <p className="form-error" id={`${inputId}-error`} role="alert" data-testid="note-error">
          {error}
        </p>
      )}
      {newestFirst.length === 0 && (
        <p className="empty" data-testid="note-list-empty">
          {t('logbook.empty')}
        </p>
      )}
      <ol className="notes" data-testid="note-list" aria-label={t('logbook.list')}>
        {newestFirst.map((n) => (
          <li key={n.seq} className="note" data-testid="note" data-seq={n.seq}>
            <time className="note-time" dateTime={new Date(n.at).toISOString()}>
              {deskTime(n.at, timeZone, true)}
            </time>
            <span className="note-author">{seatLabel(n.author, t)}</span>
            <p className="note-text">{n.text}</p>
          </li>
        ))}
      </ol>
    </Panel>
  );
}
