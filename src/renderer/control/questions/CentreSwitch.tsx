import { type ReactNode, useEffect, useState } from 'react';
import type { Programme } from '../../../shared/domain/programme';
import { goStandby } from '../run-of-show/cue-actions';
import { cueActionWords } from '../../lib/cue-words';
import { useT } from '../../lib/i18n';
import { useRegie } from '../../lib/regie-store';
import { type CueView, cuePanelView } from '../../lib/run-of-show-view';
import { QuestionsPanel } from './QuestionsPanel';
import { isTyping } from '../shell/key-context';
import { useIncomingIn } from '../rooms/room-questions';
import { useDeskRoomStore } from '../rooms/desk-room-store';
import { useDeskRoom } from '../rooms/use-desk-room';
import { RoomsButton } from '../rooms/RoomsButton';

type CentreTab = 'conduite' | 'questions';
const STORAGE_KEY = 'pupitre.centreTab';

function storedTab(): CentreTab {
  try {
    return globalThis.localStorage?.getItem(STORAGE_KEY) === 'questions' ? 'questions' : 'conduite';
  } catch {
    return 'conduite';
  }
}

/**
 * The centre of the desk: « Conduite » (the run of show, standby and GO) or « Questions » (the
 * screening desk), one key apart (`q`). With the questions shown, the standby cue and a GO button
 * stay on the tab strip: Space is GO in both.
 */
export function CentreSwitch({ conduite, programme, cues, now }: { conduite: ReactNode; programme: Programme | null; cues: CueView[]; now: number }) {
  const t = useT();
  const [tab, setTab] = useState<CentreTab>(storedTab);
  const regie = useRegie((s) => s.seat?.kind === 'regie' || (s.seat === null && s.role === 'control'));
  // The room the desk drives: its standby beside the tabs (each room has its own) and its questions' count (the overview counts the others).
  const room = useDeskRoom();
  // A number: another room's patch (or this room's, unless the count moves) does not redraw the centre.
  const incoming = useIncomingIn(room);
  // A room's queue opened from the rooms overview: the questions are shown.
  useEffect(
    () =>
      useDeskRoomStore.subscribe((s, before) => {
        if (s.queueTicket !== before.queueTicket) setTab('questions');
      }),
    [],
  );

  const choose = (next: CentreTab) => {
    setTab(next);
    try {
      globalThis.localStorage?.setItem(STORAGE_KEY, next);
    } catch {
      // storage disabled: the choice lasts until reload
    }
  };

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || e.shiftKey || isTyping(e.target)) return;
      if (document.querySelector('dialog[open]')) return;
      if (e.key === 'q' || e.key === 'Q') {
        e.preventDefault();
        setTab((x) => {
          const next = x === 'questions' ? 'conduite' : 'questions';
          try {
            globalThis.localStorage?.setItem(STORAGE_KEY, next);
          } catch {
            // storage disabled
          }
          return next;
        });
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const standby = tab === 'questions' && programme ? cuePanelView(cues, now, room).standby : null;
  return (
    <>
      <div className="centre-tabs">
        {/* Only the two tabs in the tablist: the key hint and the standby's GO beside it are not tabs (WCAG: aria-required-children). */}
        <div className="centre-tablist" role="tablist" aria-label={t('centre.tabs')}>
        <button type="button" role="tab" aria-selected={tab === 'conduite'} className="centre-tab" onClick={() => choose('conduite')} aria-keyshortcuts="q" data-testid="centre-tab-conduite">
          {t('cues.label')}
        </button>
        <button type="button" role="tab" aria-selected={tab === 'questions'} className="centre-tab" onClick={() => choose('questions')} aria-keyshortcuts="q" data-testid="centre-tab-questions">
          {t('questions.label')}
          <span className="centre-tab-count" data-testid="centre-incoming" data-count={incoming} title={t('questions.tab.incoming')}>
            {incoming}
          </span>
        </button>
        </div>
        <kbd className="centre-tab-key">q</kbd>
        {/* The rooms overview (`o`): every room's queue and screen, and a flag raised in any room. */}
        {regie && <RoomsButton />}
        {tab === 'questions' && (
          <div className="centre-standby" data-testid="centre-standby">
            <span className="centre-standby-words" title={standby && programme ? cueActionWords(standby.cue.action, programme, t) : undefined}>
              <span className="muted">{t('cues.standby')}</span> {standby && programme ? cueActionWords(standby.cue.action, programme, t) : t('cues.noStandby')}
            </span>
            <button type="button" className="btn centre-go" disabled={!standby} onClick={goStandby} aria-keyshortcuts="Space" data-testid="centre-go">
              GO <kbd>{t('key.space')}</kbd>
            </button>
          </div>
        )}
      </div>
      {tab === 'questions' ? <QuestionsPanel now={now} /> : conduite}
    </>
  );
}
