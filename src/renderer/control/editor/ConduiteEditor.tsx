import { type KeyboardEvent, useEffect, useId, useRef } from 'react';
import { useDeskMode } from '../../lib/desk-mode';
import { useT } from '../../lib/i18n';
import { eventDate } from '../../lib/programme-view';
import { useRegie } from '../../lib/regie-store';
import { showTime } from '../../lib/use-show-clock';
import { CuesTab } from './CuesTab';
import { type EditorTab, useEditor } from './editor-store';
import { EditorTabs, panelId, tabId } from './EditorTabs';
import { InteractionsTab } from './InteractionsTab';
import './editor.css';

/**
 * « Préparer la conduite »: a drawer over the centre and the right of the desk (the rundown stays
 * in view and follows each edit), with the cues and the interactions. It stays mounted while
 * closed, so drafts survive. Show mode (any seat may switch) closes it; until it is gone, every
 * control is disabled under a banner. Keys typed in it never reach the desk's shortcuts.
 */
export function ConduiteEditor() {
  const t = useT();
  const titleId = useId();
  const programme = useRegie((s) => s.state?.programme ?? null);
  const locked = useDeskMode((s) => s.mode) === 'show';
  const { open, tab, setTab, closeEditor, closeForShow } = useEditor();
  const ref = useRef<HTMLElement>(null);
  const wasOpen = useRef(false);

  // Show mode, from this seat or another: the editor closes (its drafts stay) and leaves the desk to the show.
  useEffect(() => {
    if (locked) closeForShow();
  }, [locked, closeForShow]);

  // Opened: the focus goes to the current tab. Closed: back to the launcher when it is there.
  useEffect(() => {
    if (open && !wasOpen.current) document.getElementById(tabId(useEditor.getState().tab))?.focus();
    const focusLost = ref.current?.contains(document.activeElement) || document.activeElement === document.body;
    if (!open && wasOpen.current && focusLost) document.getElementById('editor-launcher')?.focus();
    wasOpen.current = open;
  }, [open]);

  if (!programme) return null;
  const { state, serverOffsetMs } = useRegie.getState();
  const today = eventDate(programme, showTime(state?.clock, serverOffsetMs));
  const initialDay = programme.days.some((d) => d.date === today) ? today : (programme.days[0]?.date ?? null);
  const counts: Record<EditorTab, number> = {
    cues: programme.sessions.reduce((n, s) => n + (s.cues?.length ?? 0), 0),
    interactions: programme.interactions?.length ?? 0,
  };
  const onKeyDown = (e: KeyboardEvent) => {
    e.stopPropagation(); // the desk's shortcuts (Space = GO…) stay out of the editor
    if (e.key === 'Escape' && !e.defaultPrevented) closeEditor();
  };
  return (
    <aside
      ref={ref}
      id="conduite-editor"
      className={locked ? 'ed-drawer ed-locked' : 'ed-drawer'}
      aria-labelledby={titleId}
      hidden={!open}
      onKeyDown={onKeyDown}
      onKeyUp={(e) => e.stopPropagation()}
      data-testid="editor"
      data-locked={locked}
    >
      <header className="ed-head">
        <h2 id={titleId} className="ed-title">
          {t('editor.title')}
        </h2>
        <EditorTabs tab={tab} counts={counts} onSelect={setTab} />
        <button
          type="button"
          className="btn btn-ghost ed-close"
          onClick={closeEditor}
          aria-keyshortcuts="Escape"
          data-testid="editor-close"
        >
          {t('editor.close')} <kbd>{t('key.escape')}</kbd>
        </button>
      </header>
      {locked && (
        <p className="ed-locked-banner" role="status" data-testid="editor-locked">
          <strong>{t('editor.locked')}</strong> {t('editor.lockedDetail')}
        </p>
      )}
      <fieldset className="ed-body" disabled={locked}>
        <legend className="visually-hidden">{t('editor.title')}</legend>
        <div role="tabpanel" id={panelId('cues')} aria-labelledby={tabId('cues')} hidden={tab !== 'cues'} className="ed-panel">
          <CuesTab programme={programme} initialDay={initialDay} />
        </div>
        <div
          role="tabpanel"
          id={panelId('interactions')}
          aria-labelledby={tabId('interactions')}
          hidden={tab !== 'interactions'}
          className="ed-panel"
        >
          <InteractionsTab programme={programme} />
        </div>
      </fieldset>
    </aside>
  );
}
