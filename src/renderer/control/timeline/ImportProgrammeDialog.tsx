import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import type { FieldIssue } from '../../../shared/api/results';
import type { Session } from '../../../shared/domain/programme';
import { phoneLook } from '../../../shared/domain/phone-branding';
import { decodeTextFile } from '../../../shared/domain/text-encoding';
import { useT } from '../../lib/i18n';
import { useRegie } from '../../lib/regie-store';
import { useCommand } from '../../lib/use-command';

export const IMPORT_ACCEPT = '.yaml,.yml,.json,.ics,.csv';
const MAX_BYTES = 1024 * 1024;

type Outcome =
  | { kind: 'idle' }
  | { kind: 'done'; file: string }
  | { kind: 'refused'; message: string; issues: FieldIssue[] };

/**
 * The programme import: a file decoded here (text-encoding.ts) and checked by the core, all or nothing. The
 * answer is shown in full: success, or every error with its line and field. Replacing the
 * programme while a session runs asks for a confirmation.
 */
export function ImportProgrammeDialog({ running, onClose }: { running: Session | null; onClose: () => void }) {
  const t = useT();
  const ids = { title: useId(), file: useId() };
  const ref = useRef<HTMLDialogElement>(null);
  const programme = useRegie((s) => s.state?.programme ?? null);
  const { send, pending } = useCommand();
  const [file, setFile] = useState<File | null>(null);
  const [armed, setArmed] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'idle' });

  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
  }, []);

  const refuse = (message: string, issues: FieldIssue[] = []) => setOutcome({ kind: 'refused', message, issues });
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!file) return refuse(t('import.noFile'));
    if (file.size > MAX_BYTES) return refuse(t('import.tooLarge'));
    if (running && !armed) return setArmed(true);
    setArmed(false);
    let content: string;
    try {
      // Decoded here as its tool saved it (UTF-8, UTF-16, Windows-1252): file.text() would read UTF-8 only.
      const decoded = decodeTextFile(new Uint8Array(await file.arrayBuffer()));
      if (!decoded.ok) return refuse(`${file.name} : ${decoded.message}`);
      content = decoded.text;
    } catch (err) {
      return refuse(t('import.unreadable', { message: err instanceof Error ? err.message : String(err) }));
    }
    const r = await send({ type: 'programme.import', fileName: file.name, content });
    if (r.ok) setOutcome({ kind: 'done', file: file.name });
    else refuse(r.error.message, r.error.issues ?? []);
  };

  const cueCount = programme?.sessions.reduce((n, s) => n + (s.cues?.length ?? 0), 0) ?? 0;
  const phoneNotes = programme ? phoneLook(programme.event).notes : [];
  return (
    <dialog ref={ref} className="import-dialog" aria-labelledby={ids.title} onClose={onClose} data-testid="import-dialog">
      <h2 id={ids.title}>{t('import.title')}</h2>
      <p className="muted">{t('import.help')}</p>
      <form onSubmit={(e) => void submit(e)} className="import-form">
        <span className="import-label" id={`${ids.file}-label`}>
          {t('import.file')}
        </span>
        <div className="import-pick">
          <input
            id={ids.file}
            className="visually-hidden"
            type="file"
            accept={IMPORT_ACCEPT}
            aria-labelledby={`${ids.file}-label`}
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              setArmed(false);
              setOutcome({ kind: 'idle' });
            }}
            data-testid="import-file"
          />
          <label htmlFor={ids.file} className="btn">
            {t('import.choose')}
          </label>
          <span className="import-file-name" data-testid="import-file-name">
            {file ? file.name : <span className="muted">{t('import.noFileChosen')}</span>}
          </span>
        </div>
        {running && (
          <p className="import-warning" role="alert" data-testid="import-running">
            {t('import.running', { title: running.title })}
          </p>
        )}
        <div className="dialog-actions">
          <button type="submit" className={armed ? 'btn btn-warn' : 'btn'} disabled={pending} data-testid="import-submit">
            {pending ? t('import.sending') : armed ? t('import.confirm') : t('import.submit')}
          </button>
          <button type="button" className="btn btn-ghost" onClick={() => ref.current?.close()}>
            {t('import.close')}
          </button>
        </div>
      </form>
      <div aria-live="polite">
        {outcome.kind === 'done' && (
          <p className="import-done" data-testid="import-done">
            {t('import.done', { file: outcome.file, sessions: programme?.sessions.length ?? 0, cues: cueCount })}
          </p>
        )}
        {outcome.kind === 'done' && phoneNotes.length > 0 && (
          // What of the event's look the phones will not wear, and why (phone-branding.ts).
          <ul className="import-warning" data-testid="import-phone-notes">
            {phoneNotes.map((note) => (
              <li key={note}>{note}</li>
            ))}
          </ul>
        )}
        {outcome.kind === 'refused' && (
          <div className="import-refused" data-testid="import-error">
            <p className="form-error">{outcome.message}</p>
            {outcome.issues.length > 0 && (
              <table className="import-issues" data-testid="import-issues">
                <caption className="visually-hidden">{t('import.issues')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('import.where')}</th>
                    <th scope="col">{t('import.problem')}</th>
                  </tr>
                </thead>
                <tbody>
                  {outcome.issues.map((i, k) => (
                    <tr key={k} data-testid="import-issue">
                      <td className="import-path">{i.path || '—'}</td>
                      <td>{i.message}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </div>
        )}
      </div>
    </dialog>
  );
}
