import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { useT } from '../../lib/i18n';
import { runningSession } from '../../lib/desk-mode';
import { useRegie } from '../../lib/regie-store';
import { showTime } from '../../lib/use-show-clock';
import { tokenFromLocation } from '../../lib/url-token';
import { type DownloadProgress, fetchWithProgress, saveBlob } from './download-file';
import { type DeskExportFormat, defaultScope, deskExportFormats, exportUrl, isCsvFormat } from './export-choices';

type Outcome =
  | { kind: 'idle' }
  | { kind: 'running'; progress: DownloadProgress }
  | { kind: 'done'; fileName: string; bytes: number }
  | { kind: 'failed'; message: string };

function initialScope(): string {
  const { state, serverOffsetMs } = useRegie.getState();
  if (!state) return 'event';
  const running = runningSession(state, showTime(state.clock, serverOffsetMs));
  return defaultScope(state, running?.id ?? null);
}

const kb = (n: number) => `${Math.max(1, Math.round(n / 1024)).toLocaleString('fr-FR')} Ko`;

/**
 * « Exporter »: the questions, polls and word clouds of a session, a day or the event, as CSV,
 * a workbook or the session's PDF report. Names are left out unless asked for. The file is
 * fetched with a progress bar, then saved (download, or Electron's save dialog).
 */
export function ExportDialog({ onClose, onPurge }: { onClose: () => void; onPurge?: () => void }) {
  const t = useT();
  const ids = { title: useId(), scope: useId(), names: useId(), comma: useId() };
  const ref = useRef<HTMLDialogElement>(null);
  const abort = useRef<AbortController | null>(null);
  const programme = useRegie((s) => s.state?.programme ?? null);
  const [scope, setScope] = useState(initialScope);
  const [format, setFormat] = useState<DeskExportFormat>('xlsx');
  const [names, setNames] = useState(false);
  const [comma, setComma] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'idle' });

  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
    return () => abort.current?.abort();
  }, []);

  const pdfNeedsSession = format === 'pdf' && !scope.startsWith('session:');
  const running = outcome.kind === 'running';
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (running || pdfNeedsSession) return;
    const token = tokenFromLocation() ?? '';
    const controller = new AbortController();
    abort.current = controller;
    setOutcome({ kind: 'running', progress: { received: 0, total: null } });
    try {
      const { blob, fileName } = await fetchWithProgress(
        exportUrl({ scope, format, names, comma }, token),
        (progress) => setOutcome({ kind: 'running', progress }),
        controller.signal,
      );
      saveBlob(blob, fileName);
      setOutcome({ kind: 'done', fileName, bytes: blob.size });
    } catch (err) {
      if (controller.signal.aborted) return;
      setOutcome({ kind: 'failed', message: err instanceof Error ? err.message : String(err) });
    }
  };

  // Kept at its end once the file is saved: the operator sees it all arrived.
  const progress =
    outcome.kind === 'running' ? outcome.progress : outcome.kind === 'done' ? { received: outcome.bytes, total: outcome.bytes } : null;
  return (
    <dialog ref={ref} className="export-dialog" aria-labelledby={ids.title} onClose={onClose} data-testid="export-dialog">
      <h2 id={ids.title}>{t('export.title')}</h2>
      <form onSubmit={(e) => void submit(e)} className="export-form">
        <label htmlFor={ids.scope} className="export-label">
          {t('export.scope')}
        </label>
        <select id={ids.scope} value={scope} onChange={(e) => setScope(e.target.value)} data-testid="export-scope" disabled={running}>
          <option value="event">{t('export.scope.event', { name: programme?.event.name ?? '' })}</option>
          {programme?.days.map((d) => (
            <optgroup key={d.date} label={d.label ?? d.date}>
              <option value={`day:${d.date}`}>{t('export.scope.day', { day: d.label ?? d.date })}</option>
              {programme.sessions
                .filter((s) => s.day === d.date && s.kind !== 'break')
                .map((s) => (
                  <option key={s.id} value={`session:${s.id}`}>
                    {`${s.start} · ${s.title}`}
                  </option>
                ))}
            </optgroup>
          ))}
        </select>

        <fieldset className="export-formats" disabled={running}>
          <legend className="export-label">{t('export.format')}</legend>
          {deskExportFormats.map((f) => (
            <label key={f} className="export-format">
              <input
                type="radio"
                name="export-format"
                value={f}
                checked={format === f}
                onChange={() => setFormat(f)}
                data-testid={`export-format-${f}`}
              />
              <span>{t(`export.format.${f}`)}</span>
            </label>
          ))}
        </fieldset>
        {pdfNeedsSession && (
          <p className="export-note" role="status" data-testid="export-pdf-session">
            {t('export.pdfNeedsSession')}
          </p>
        )}
        {isCsvFormat(format) && (
          <label className="export-check" htmlFor={ids.comma}>
            <input
              id={ids.comma}
              type="checkbox"
              checked={comma}
              onChange={(e) => setComma(e.target.checked)}
              disabled={running}
              data-testid="export-comma"
            />
            {t('export.comma')}
          </label>
        )}
        <label className="export-check" htmlFor={ids.names}>
          <input
            id={ids.names}
            type="checkbox"
            checked={names}
            onChange={(e) => setNames(e.target.checked)}
            disabled={running}
            data-testid="export-names"
          />
          {t('export.names')}
        </label>
        <p className={names ? 'export-warning' : 'export-note'} data-testid="export-names-note">
          {names ? t('export.names.warning') : t('export.names.off')}
        </p>

        {progress && (
          <div className="export-progress" data-testid="export-progress">
            <progress
              data-testid="export-progress-bar"
              max={progress.total ?? undefined}
              value={progress.total === null ? undefined : progress.received}
              aria-label={t('export.progress')}
            />
            <span className="muted">
              {progress.total === null ? kb(progress.received) : `${kb(progress.received)} / ${kb(progress.total)}`}
            </span>
          </div>
        )}
        {outcome.kind === 'done' && (
          <p className="export-done" role="status" data-testid="export-done">
            {t('export.done', { file: outcome.fileName, size: kb(outcome.bytes) })}
          </p>
        )}
        {outcome.kind === 'failed' && (
          <p className="export-failed" role="alert" data-testid="export-failed">
            {outcome.message}
          </p>
        )}
        {onPurge && (
          <button type="button" className="purge-open" onClick={onPurge} disabled={running} data-testid="purge-open" title={t('purge.open.title')}>
            {t('purge.open')}
          </button>
        )}
        <div className="dialog-actions">
          <button type="button" className="btn" onClick={() => ref.current?.close()}>
            {t('export.close')}
          </button>
          <button type="submit" className="btn export-submit" disabled={running || pdfNeedsSession} data-testid="export-submit">
            {running ? t('export.running') : t('export.submit')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
