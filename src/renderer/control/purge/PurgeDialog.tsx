import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { isPurgeConfirmation, PURGE_CONFIRMATION, type PurgeBlocker, purgeBlockers } from '../../../shared/domain/purge-readiness';
import { type Translate, useT } from '../../lib/i18n';
import { useRegie } from '../../lib/regie-store';
import { tokenFromLocation } from '../../lib/url-token';
import { fileSize, type PurgeSummary, requestPurge } from './purge-request';
import './purge.css';

type Outcome = { kind: 'idle' } | { kind: 'running' } | { kind: 'done'; summary: PurgeSummary } | { kind: 'failed'; message: string };

function blockerText(t: Translate, b: PurgeBlocker): string {
  switch (b.kind) {
    case 'show-mode':
      return t('purge.blocker.show-mode');
    case 'qa-open':
      return t('purge.blocker.qa-open');
    case 'interaction-open':
      return t('purge.blocker.interaction-open', { label: b.label });
    case 'session-live':
      return t('purge.blocker.session-live', { title: b.title });
    default:
      return b satisfies never;
  }
}

/**
 * « Purger les données personnelles » (RGPD), after the event: what goes and what stays, why it
 * cannot run yet (show mode, Q&A or a poll open, a session under way — the core checks again), and
 * the word to type. The core purges in place; the desk then shows what it erased.
 */
export function PurgeDialog({ onClose }: { onClose: () => void }) {
  const t = useT();
  const ids = { title: useId(), confirm: useId() };
  const ref = useRef<HTMLDialogElement>(null);
  const state = useRegie((s) => s.state);
  // No snapshot yet reads as the show, the safe side (as the desk's mode does).
  const blockers: PurgeBlocker[] = state ? purgeBlockers(state) : [{ kind: 'show-mode' }];
  const remoteHub = useRegie((s) => s.status?.link.state !== undefined && s.status.link.state !== 'off' && !s.status.link.embedded);
  const [typed, setTyped] = useState('');
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'idle' });

  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
  }, []);

  const running = outcome.kind === 'running';
  const ready = blockers.length === 0 && isPurgeConfirmation(typed) && !running && outcome.kind !== 'done';
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!ready) return;
    setOutcome({ kind: 'running' });
    try {
      setOutcome({ kind: 'done', summary: await requestPurge(tokenFromLocation() ?? '', typed) });
    } catch (err) {
      setOutcome({ kind: 'failed', message: err instanceof Error ? err.message : String(err) });
    }
  };

  return (
    <dialog ref={ref} className="purge-dialog" aria-labelledby={ids.title} onClose={onClose} data-testid="purge-dialog">
      <h2 id={ids.title}>{t('purge.title')}</h2>
      <form onSubmit={(e) => void submit(e)} className="purge-form">
        <p className="purge-what">{t('purge.what')}</p>
        {outcome.kind !== 'done' && <p className="export-warning">{t('purge.warning')}</p>}
        {blockers.length > 0 && outcome.kind !== 'done' && (
          <div className="purge-blocked" role="status" data-testid="purge-blockers">
            <p>{t('purge.blocked')}</p>
            <ul>
              {blockers.map((b) => (
                <li key={`${b.kind}-${'id' in b ? b.id : ''}`}>{blockerText(t, b)}</li>
              ))}
            </ul>
          </div>
        )}
        {outcome.kind !== 'done' && (
          <>
            <label htmlFor={ids.confirm} className="export-label">
              {t('purge.confirm', { word: PURGE_CONFIRMATION })}
            </label>
            <input
              id={ids.confirm}
              className="purge-confirm"
              value={typed}
              onChange={(e) => setTyped(e.target.value)}
              autoComplete="off"
              spellCheck={false}
              disabled={running || blockers.length > 0}
              data-testid="purge-confirm"
            />
          </>
        )}
        {running && (
          <p className="export-note" role="status" data-testid="purge-running">
            {t('purge.running')}
          </p>
        )}
        {outcome.kind === 'done' && (
          <div className="export-done" role="status" data-testid="purge-done">
            <p>
              {t('purge.done', {
                seconds: (outcome.summary.ms / 1000).toLocaleString('fr-FR', { maximumFractionDigits: 1 }),
                participants: outcome.summary.participants,
              })}
            </p>
            {outcome.summary.regie && (
              <p>
                {t('purge.done.regie', {
                  before: fileSize(outcome.summary.regie.bytesBefore),
                  after: fileSize(outcome.summary.regie.bytesAfter),
                })}
              </p>
            )}
            {outcome.summary.hub && (
              <p>
                {t('purge.done.hub', {
                  before: fileSize(outcome.summary.hub.bytesBefore),
                  after: fileSize(outcome.summary.hub.bytesAfter),
                })}
              </p>
            )}
            {outcome.summary.hub === null && remoteHub && <p>{t('purge.done.remoteHub')}</p>}
            <p className="purge-after">{t('purge.done.exports')}</p>
          </div>
        )}
        {outcome.kind === 'failed' && (
          <p className="export-failed" role="alert" data-testid="purge-failed">
            {outcome.message}
          </p>
        )}
        <div className="dialog-actions">
          <button type="button" className="btn" onClick={() => ref.current?.close()} disabled={running}>
            {t('purge.close')}
          </button>
          {outcome.kind !== 'done' && (
            <button type="submit" className="btn purge-submit" disabled={!ready} data-testid="purge-submit">
              {running ? t('purge.running') : t('purge.submit')}
            </button>
          )}
        </div>
      </form>
    </dialog>
  );
}
