import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { type Language, type Translate, useLanguage, useT } from '../../lib/i18n';
import { useRegie } from '../../lib/regie-store';
import { tokenFromLocation } from '../../lib/url-token';
import { checkCodes, clearCodes, type CodesReport, importCodes, releaseCode } from './codes-request';
import './codes.css';

type Chosen = { kind: 'none' } | { kind: 'checking'; name: string } | { kind: 'checked'; file: File; report: CodesReport } | { kind: 'importing'; file: File; report: CodesReport };
type Notice = { ok: boolean; text: string } | null;

const number = (lang: Language, n: number) => n.toLocaleString(lang === 'fr' ? 'fr-FR' : 'en-GB').replace(/\u202f/g, '\u00a0');

function when(lang: Language, at: number, timeZone: string | undefined): string {
  const f = new Intl.DateTimeFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', { dateStyle: 'long', timeStyle: 'short', ...(timeZone ? { timeZone } : {}) });
  return f.format(at);
}

/** The file's report in the dialog: what an import would keep and what it would leave out, with the lines. */
function ReportText({ report, t, lang }: { report: CodesReport; t: Translate; lang: Language }) {
  const lines = (list: number[], total: number) => `${list.join(', ')}${total > list.length ? '…' : ''}`;
  return (
    <div className="codes-report" data-testid="codes-report">
      <p>
        <strong>{t(report.codes === 1 ? 'codes.report.one' : 'codes.report.many', { n: number(lang, report.codes) })}</strong>{' '}
        <span className="muted small">
          ({report.encoding}
          {report.column ? `, ${t('codes.report.column', { column: report.column })}` : `, ${t('codes.report.perLine')}`})
        </span>
      </p>
      {report.duplicates > 0 && (
        <p className="small" data-testid="codes-duplicates">
          {t(report.duplicates === 1 ? 'codes.report.duplicate' : 'codes.report.duplicates', { n: number(lang, report.duplicates), lines: lines(report.duplicateLines, report.duplicates) })}
        </p>
      )}
      {report.malformed > 0 && (
        <div className="small codes-malformed" data-testid="codes-malformed">
          <p>{t(report.malformed === 1 ? 'codes.report.malformedOne' : 'codes.report.malformed', { n: number(lang, report.malformed) })}</p>
          <ul>
            {report.malformedLines.map((m) => (
              <li key={m.line}>{t('codes.report.line', { line: m.line, reason: m.reason })}</li>
            ))}
            {report.malformed > report.malformedLines.length && <li>…</li>}
          </ul>
        </div>
      )}
    </div>
  );
}

/**
 * « Codes personnels » (docs/rooms.md § 4): the list of codes issued at registration, imported from
 * a CSV (the core keeps only their salted hashes; names and e-mails are never read), the count in
 * force, « Libérer un code » when the accueil says a participant changed phones, and « Effacer la
 * liste ». The central régie's seats only.
 */
export function CodesDialog({ onClose }: { onClose: () => void }) {
  const t = useT();
  const lang = useLanguage((s) => s.language);
  const titleId = useId();
  const ref = useRef<HTMLDialogElement>(null);
  const fileRef = useRef<HTMLInputElement>(null);
  const codes = useRegie((s) => s.state?.personalCodes ?? null);
  const timeZone = useRegie((s) => s.state?.programme?.event.timeZone);
  const token = tokenFromLocation() ?? '';
  const [chosen, setChosen] = useState<Chosen>({ kind: 'none' });
  const [importNotice, setImportNotice] = useState<Notice>(null);
  const [code, setCode] = useState('');
  const [releasing, setReleasing] = useState(false);
  const [releaseNotice, setReleaseNotice] = useState<Notice>(null);
  const [confirmClear, setConfirmClear] = useState(false);

  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
  }, []);

  const count = codes?.count ?? 0;
  const status = (() => {
    if (!codes || codes.change === null || codes.changedAt === null) return t('codes.status.none');
    const at = when(lang, codes.changedAt, timeZone);
    const by = codes.changedBy ?? '—';
    if (codes.change === 'cleared') return t('codes.status.cleared', { at, by });
    return t(count === 1 ? 'codes.status.one' : 'codes.status.many', { n: number(lang, count), at, by });
  })();

  const choose = async (file: File | undefined) => {
    setImportNotice(null);
    if (!file) return setChosen({ kind: 'none' });
    setChosen({ kind: 'checking', name: file.name });
    try {
      const { report } = await checkCodes(token, file);
      setChosen({ kind: 'checked', file, report });
    } catch (err) {
      setChosen({ kind: 'none' });
      setImportNotice({ ok: false, text: err instanceof Error ? err.message : String(err) });
      if (fileRef.current) fileRef.current.value = '';
    }
  };

  const runImport = async () => {
    if (chosen.kind !== 'checked') return;
    setChosen({ ...chosen, kind: 'importing' });
    try {
      const answer = await importCodes(token, chosen.file);
      setImportNotice({ ok: true, text: t(answer.count === 1 ? 'codes.imported.one' : 'codes.imported.many', { n: number(lang, answer.count) }) });
      setChosen({ kind: 'none' });
      if (fileRef.current) fileRef.current.value = '';
    } catch (err) {
      setChosen({ ...chosen, kind: 'checked' });
      setImportNotice({ ok: false, text: err instanceof Error ? err.message : String(err) });
    }
  };

  const release = async (e: FormEvent) => {
    e.preventDefault();
    if (code.trim() === '') return;
    setReleasing(true);
    try {
      const answer = await releaseCode(token, code);
      setReleaseNotice({ ok: true, text: t('codes.released', { trace: answer.hashPrefix }) });
      setCode('');
    } catch (err) {
      setReleaseNotice({ ok: false, text: err instanceof Error ? err.message : String(err) });
    } finally {
      setReleasing(false);
    }
  };

  const clear = async () => {
    setConfirmClear(false);
    try {
      await clearCodes(token);
      setImportNotice({ ok: true, text: t('codes.clearedNow') });
    } catch (err) {
      setImportNotice({ ok: false, text: err instanceof Error ? err.message : String(err) });
    }
  };

  const report = chosen.kind === 'checked' || chosen.kind === 'importing' ? chosen.report : null;
  const recent = (codes?.releases ?? []).slice(-3).reverse();
  return createPortal(
    <dialog ref={ref} className="codes-dialog" aria-labelledby={titleId} onClose={onClose} data-testid="codes-dialog">
      <header className="codes-head">
        <h2 id={titleId}>{t('codes.title')}</h2>
        <button type="button" className="btn" onClick={() => ref.current?.close()} data-testid="codes-close">
          {t('codes.close')}
        </button>
      </header>
      <p className="small codes-intro">{t('codes.intro')}</p>
      <p className={`codes-status${count > 0 ? ' is-on' : ''}`} data-testid="codes-status">
        {status}
      </p>

      <section className="codes-section" aria-labelledby={`${titleId}-import`}>
        <h3 id={`${titleId}-import`}>{t(count > 0 ? 'codes.import.replaceTitle' : 'codes.import.title')}</h3>
        <p className="small muted">{t('codes.import.help')}</p>
        <input
          ref={fileRef}
          type="file"
          accept=".csv,.txt,text/csv,text/plain"
          className="codes-file"
          onChange={(e) => void choose(e.target.files?.[0])}
          disabled={chosen.kind === 'checking' || chosen.kind === 'importing'}
          data-testid="codes-file"
          aria-label={t('codes.import.file')}
        />
        {chosen.kind === 'checking' && <p className="small muted">{t('codes.import.checking', { name: chosen.name })}</p>}
        {report && <ReportText report={report} t={t} lang={lang} />}
        {report && (
          <div className="codes-actions">
            <button type="button" className="btn btn-warn" onClick={() => void runImport()} disabled={chosen.kind === 'importing'} data-testid="codes-import">
              {t(count > 0 ? 'codes.import.replace' : 'codes.import.go', { n: number(lang, report.codes) })}
            </button>
            <button
              type="button"
              className="btn"
              onClick={() => {
                setChosen({ kind: 'none' });
                if (fileRef.current) fileRef.current.value = '';
              }}
              disabled={chosen.kind === 'importing'}
            >
              {t('codes.cancel')}
            </button>
          </div>
        )}
        {importNotice && (
          <p className={`small codes-notice${importNotice.ok ? '' : ' is-error'}`} role={importNotice.ok ? 'status' : 'alert'} data-testid="codes-import-notice">
            {importNotice.text}
          </p>
        )}
      </section>

      <section className="codes-section" aria-labelledby={`${titleId}-release`}>
        <h3 id={`${titleId}-release`}>{t('codes.release.title')}</h3>
        <p className="small muted">{t('codes.release.help')}</p>
        <form className="codes-release" onSubmit={(e) => void release(e)}>
          <input
            type="text"
            value={code}
            onChange={(e) => setCode(e.target.value)}
            placeholder={t('codes.release.placeholder')}
            aria-label={t('codes.release.label')}
            autoComplete="off"
            spellCheck={false}
            maxLength={64}
            disabled={count === 0}
            data-testid="codes-release-input"
          />
          <button type="submit" className="btn" disabled={releasing || count === 0 || code.trim() === ''} data-testid="codes-release">
            {t('codes.release.go')}
          </button>
        </form>
        {releaseNotice && (
          <p className={`small codes-notice${releaseNotice.ok ? '' : ' is-error'}`} role={releaseNotice.ok ? 'status' : 'alert'} data-testid="codes-release-notice">
            {releaseNotice.text}
          </p>
        )}
        {recent.length > 0 && (
          <ul className="small muted codes-recent" data-testid="codes-recent">
            {recent.map((r) => (
              <li key={`${r.at}-${r.hashPrefix ?? ''}`}>{t('codes.release.recent', { at: when(lang, r.at, timeZone), by: r.by, trace: r.hashPrefix ?? '—' })}</li>
            ))}
          </ul>
        )}
      </section>

      <section className="codes-section codes-danger">
        <h3>{t('codes.clear.title')}</h3>
        <p className="small muted">{t('codes.clear.help')}</p>
        {!confirmClear ? (
          <button type="button" className="btn btn-danger-ghost" onClick={() => setConfirmClear(true)} disabled={count === 0} data-testid="codes-clear">
            {t('codes.clear.go')}
          </button>
        ) : (
          <div className="codes-actions">
            <button type="button" className="btn btn-danger" onClick={() => void clear()} data-testid="codes-clear-confirm">
              {t('codes.clear.confirm', { n: number(lang, count) })}
            </button>
            <button type="button" className="btn" onClick={() => setConfirmClear(false)}>
              {t('codes.cancel')}
            </button>
          </div>
        )}
      </section>
    </dialog>,
    document.body,
  );
}
