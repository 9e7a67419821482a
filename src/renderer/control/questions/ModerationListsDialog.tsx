import { type FormEvent, useEffect, useId, useMemo, useRef, useState } from 'react';
import type { AudienceQuestion, ModerationSettings } from '../../../shared/api/state';
import { sendCommand } from '../../lib/core-client';
import { type MessageKey, useT } from '../../lib/i18n';
import { useRegie } from '../../lib/regie-store';
import {
  type ListKind,
  type ParsedList,
  canSave,
  listChanges,
  listKinds,
  listText,
  parseList,
  LIST_MAX,
  ENTRY_MIN,
  ENTRY_MAX,
} from './moderation-lists-model';

const NO_LISTS: ModerationSettings = { badWords: [], names: [], allowed: [] };

const labels: Record<ListKind, { title: MessageKey; hint: MessageKey; count: MessageKey }> = {
  names: { title: 'modLists.names', hint: 'modLists.namesHint', count: 'modLists.namesCount' },
  badWords: { title: 'modLists.words', hint: 'modLists.wordsHint', count: 'modLists.wordsCount' },
  allowed: { title: 'modLists.allowed', hint: 'modLists.allowedHint', count: 'modLists.allowedCount' },
};

type Verdict =
  { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved'; reflagged: number } | { kind: 'refused'; message: string; issues: string[] };

/** The flags the core added to questions already received, between two lists of questions. */
function newlyFlagged(before: readonly AudienceQuestion[], after: readonly AudienceQuestion[]): number {
  let n = 0;
  after.forEach((q, i) => {
    const was = before[i];
    if (was && was !== q && was.id === q.id && q.flags.length > was.flags.length) n += 1;
  });
  return n;
}

/** Resolves once the mirrored state has the core's answer `seq` (or after a while). */
function stateAt(seq: number): Promise<void> {
  if (useRegie.getState().seq >= seq) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(done, 3000);
    const stop = useRegie.subscribe((s) => {
      if (s.seq >= seq) done();
    });
    function done() {
      clearTimeout(timer);
      stop();
      resolve();
    }
  });
}

/**
 * « Listes de vigilance »: the names (children, families named in the cases under discussion) and
 * the words the organisers add to the built-in lists, and the words never to flag. One entry a
 * line, counted and checked as typed; saved to the core, which says yes or why not. From then on
 * a new question holding one is flagged, and the questions still to screen or approved that hold
 * a new entry are flagged again (they leave the phones and cannot be projected until read).
 */
export function ModerationListsDialog({ onClose }: { onClose: () => void }) {
  const t = useT();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const fieldIds = { names: useId(), badWords: useId(), allowed: useId() };
  const inForce = useRegie((s) => s.state?.moderation) ?? NO_LISTS;
  const [texts, setTexts] = useState<Record<ListKind, string>>(() => ({
    names: listText(inForce.names),
    badWords: listText(inForce.badWords),
    allowed: listText(inForce.allowed),
  }));
  const [verdict, setVerdict] = useState<Verdict>({ kind: 'idle' });

  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
  }, []);

  const parsed = useMemo(
    () => ({
      names: parseList(texts.names, 'names'),
      badWords: parseList(texts.badWords, 'badWords'),
      allowed: parseList(texts.allowed, 'allowed'),
    }),
    [texts],
  );
  const changes = listKinds.map((k) => listChanges(inForce[k], parsed[k].entries));
  const changed = changes.some((c) => c.added.length > 0 || c.removed.length > 0);
  const saving = verdict.kind === 'saving';

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (saving || !canSave(parsed) || !changed) return;
    setVerdict({ kind: 'saving' });
    const before = useRegie.getState().state?.audience.questions ?? [];
    const r = await sendCommand({
      type: 'moderation.lists',
      names: parsed.names.entries,
      badWords: parsed.badWords.entries,
      allowed: parsed.allowed.entries,
    });
    if (!r.ok) {
      setVerdict({ kind: 'refused', message: r.error.message, issues: (r.error.issues ?? []).map((i) => `${i.path} : ${i.message}`) });
      return;
    }
    await stateAt(r.seq);
    setVerdict({ kind: 'saved', reflagged: newlyFlagged(before, useRegie.getState().state?.audience.questions ?? []) });
    // What is in force now, written as the core keeps it (repeats and blank lines gone).
    setTexts({
      names: listText(parsed.names.entries),
      badWords: listText(parsed.badWords.entries),
      allowed: listText(parsed.allowed.entries),
    });
  };

  return (
    <dialog ref={ref} className="modlists-dialog" aria-labelledby={titleId} onClose={onClose} data-testid="moderation-lists-dialog">
      <h2 id={titleId}>{t('modLists.title')}</h2>
      <p className="modlists-intro">{t('modLists.intro')}</p>
      <form className="modlists-form" onSubmit={(e) => void submit(e)}>
        {listKinds.map((k, i) => (
          <ListField
            key={k}
            id={fieldIds[k]}
            kind={k}
            value={texts[k]}
            parsed={parsed[k]}
            added={changes[i]?.added.length ?? 0}
            removed={changes[i]?.removed.length ?? 0}
            onChange={(value) => {
              setTexts((x) => ({ ...x, [k]: value }));
              if (verdict.kind !== 'saving') setVerdict({ kind: 'idle' });
            }}
          />
        ))}
        <p className="modlists-effect" data-testid="moderation-lists-effect">
          {t('modLists.effect')}
        </p>
        {verdict.kind === 'saved' && (
          <p className="modlists-saved" role="status" data-testid="moderation-lists-verdict" data-verdict="saved">
            {t('modLists.saved')}{' '}
            {verdict.reflagged > 0 ? t('modLists.reflagged', { count: verdict.reflagged }) : t('modLists.reflaggedNone')}
          </p>
        )}
        {verdict.kind === 'refused' && (
          <div className="modlists-refused" role="alert" data-testid="moderation-lists-verdict" data-verdict="refused">
            <p>{t('modLists.refused', { message: verdict.message })}</p>
            {verdict.issues.length > 0 && (
              <ul>
                {verdict.issues.map((issue) => (
                  <li key={issue}>{issue}</li>
                ))}
              </ul>
            )}
          </div>
        )}
        <div className="dialog-actions modlists-actions">
          <button type="button" className="btn" onClick={() => ref.current?.close()} data-testid="moderation-lists-close">
            {t('modLists.close')}
          </button>
          <button
            type="submit"
            className="btn modlists-save"
            disabled={saving || !changed || !canSave(parsed)}
            data-testid="moderation-lists-save"
          >
            {saving ? t('modLists.saving') : t('modLists.save')}
          </button>
        </div>
      </form>
    </dialog>
  );
}

function ListField({
  id,
  kind,
  value,
  parsed,
  added,
  removed,
  onChange,
}: {
  id: string;
  kind: ListKind;
  value: string;
  parsed: ParsedList;
  added: number;
  removed: number;
  onChange: (value: string) => void;
}) {
  const t = useT();
  const hintId = `${id}-hint`;
  const l = labels[kind];
  return (
    <div className="modlists-field" data-testid={`moderation-list-${kind}`}>
      <label htmlFor={id} className="modlists-label">
        {t(l.title)}{' '}
        <span className="modlists-count" data-testid="moderation-list-count" data-count={parsed.entries.length}>
          {t(l.count, { count: parsed.entries.length })}
        </span>
        {(added > 0 || removed > 0) && (
          <span className="modlists-changes" data-testid="moderation-list-changes">
            {' '}
            · {t('modLists.changes', { added, removed })}
          </span>
        )}
      </label>
      <p id={hintId} className="modlists-hint">
        {t(l.hint)}
      </p>
      <textarea
        id={id}
        className="modlists-text"
        value={value}
        rows={kind === 'names' ? 6 : 4}
        spellCheck={false}
        aria-describedby={hintId}
        aria-invalid={parsed.problems.length > 0 || parsed.tooMany}
        onChange={(e) => onChange(e.target.value)}
        data-testid="moderation-list-text"
      />
      {(parsed.problems.length > 0 || parsed.tooMany || parsed.repeated > 0) && (
        <ul className="modlists-problems" data-testid="moderation-list-problems">
          {parsed.problems.map((p) => (
            <li key={p.line} className="modlists-problem">
              {t(p.reason === 'short' ? 'modLists.lineShort' : 'modLists.lineLong', {
                line: p.line,
                entry: p.entry.slice(0, 40),
                min: ENTRY_MIN,
                max: ENTRY_MAX,
              })}
            </li>
          ))}
          {parsed.tooMany && <li className="modlists-problem">{t('modLists.tooMany', { max: LIST_MAX[kind] })}</li>}
          {parsed.repeated > 0 && <li className="modlists-note">{t('modLists.repeated', { count: parsed.repeated })}</li>}
        </ul>
      )}
    </div>
  );
}
