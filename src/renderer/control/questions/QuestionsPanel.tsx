import { memo, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { AudienceQuestion } from '../../../shared/api/state';
import { queueTabs } from '../../../shared/domain/question-queue';
import { localTimeZone } from '../../lib/desk-time';
import { useT } from '../../lib/i18n';
import { useDeskProgram, useRoomSeat } from '../rooms/use-desk-room';
import { Panel } from '../shell/Panel';
import { AddQuestionForm } from './AddQuestionForm';
import { BalanceBar } from './BalanceBar';
import { ModerationListsDialog } from './ModerationListsDialog';
import { PersonalDataReasons } from './HighlightedText';
import { QuestionDetail } from './QuestionDetail';
import { QuestionList } from './QuestionList';
import { QuestionsFeedback } from './QuestionsFeedback';
import { QueueFilters } from './QueueFilters';
import { QueueTabs, tabKeys } from './QueueTabs';
import { act, moveInShortlist, onSelected, redactSelected, run, sendToPreview, toggleAnswered, toggleStar, undoLast } from './question-actions';
import { sceneQuestionId } from './question-words';
import { select, setFilter, setMode, useQuestionsDesk } from './questions-store';
import { StageMessageControl } from './StageMessageControl';
import { useCurrentSessionId, useQueue } from './use-queue';
import { useQuestionKeys } from './use-question-keys';
import { useSearchWarmup } from './use-search-warmup';

/**
 * « Questions »: the screening desk. Tabs by status with their counts, filters (origin, flags,
 * session, text), sort by time or votes, the room/remote balance; the queue (windowed) and the
 * selected question with its actions, all on the keyboard; the undo of the last action; a
 * question typed in; the message to the stage. The queue is the core's: every seat sees the same.
 */
export function QuestionsPanel({ now }: { now: number }) {
  // The show clock ticks every second: the screening desk redraws when its « current » session
  // changes, not at each tick.
  const currentSessionId = useCurrentSessionId(now);
  return <ScreeningDesk currentSessionId={currentSessionId} />;
}

const ScreeningDesk = memo(function ScreeningDesk({ currentSessionId }: { currentSessionId: string | null }) {
  const t = useT();
  const { view, all, sessionId, programme } = useQueue(currentSessionId);
  const timeZone = programme?.event.timeZone ?? localTimeZone();
  const tab = useQuestionsDesk((s) => s.filter.tab);
  const selectedId = useQuestionsDesk((s) => s.selectedId);
  const selectedIndex = useQuestionsDesk((s) => s.selectedIndex);
  const mode = useQuestionsDesk((s) => s.mode);
  const program = useDeskProgram();
  const roomSeat = useRoomSeat();
  const onAirId = sceneQuestionId(program?.onAir);
  const previewId = sceneQuestionId(program?.preview);
  const searchRef = useRef<HTMLInputElement>(null);
  const [listsOpen, setListsOpen] = useState(false);
  const closeLists = useCallback(() => setListsOpen(false), []);

  useSearchWarmup(all);
  const rows = view.rows;
  // The selection follows its question; when that one leaves the list (approved from « À trier »,
  // or by the other seat), the question now at the same place is selected.
  const found = selectedId === null ? -1 : rows.findIndex((q) => q.id === selectedId);
  const index = found >= 0 ? found : Math.min(selectedIndex, rows.length - 1);
  const selected: AudienceQuestion | null = rows[index] ?? null;
  useEffect(() => {
    if (selected && (selected.id !== selectedId || index !== selectedIndex)) select(selected.id, index);
  }, [selected, selectedId, index, selectedIndex]);
  useEffect(() => useQuestionsDesk.setState({ resolvedSessionId: sessionId }), [sessionId]);

  const starred = useMemo(
    () =>
      all
        .filter((q) => q.rank !== null && q.status !== 'merged' && q.status !== 'rejected')
        .sort((a, b) => (a.rank ?? 0) - (b.rank ?? 0)),
    [all],
  );
  const starredOrder = useMemo(() => new Map(starred.map((q, i) => [q.id, i + 1])), [starred]);

  const onSelect = useCallback((id: string, i: number) => select(id, i), []);
  const go = (delta: number) => {
    const next = rows[Math.max(0, Math.min(rows.length - 1, index + delta))];
    if (next) select(next.id, Math.max(0, Math.min(rows.length - 1, index + delta)));
  };
  const withSelected = (f: (q: AudienceQuestion) => void) => () => {
    if (selected) f(selected);
  };

  useQuestionKeys({
    next: () => go(1),
    previous: () => go(-1),
    approve: () => void onSelected((q) => act({ type: 'question.approve', questionId: q.id })),
    reject: () => void onSelected((q) => act({ type: 'question.reject', questionId: q.id })),
    edit: withSelected(() => setMode('edit')),
    star: () => void onSelected((q) => toggleStar(q.id)),
    moveUp: () => void onSelected((q) => moveInShortlist(q.id, 'up')),
    moveDown: () => void onSelected((q) => moveInShortlist(q.id, 'down')),
    merge: withSelected(() => setMode('merge')),
    answered: () => void onSelected((q) => toggleAnswered(q.id)),
    undo: () => void run(undoLast),
    preview: () => void onSelected((q) => sendToPreview(q)),
    clearFlags: () => void onSelected((q) => act({ type: 'question.clear-flags', questionId: q.id })),
    redact: () => void onSelected((q) => redactSelected(q)),
    add: () => setMode('add'),
    original: withSelected((q) => {
      if (q.editedText !== null) setMode(mode === 'original' ? 'browse' : 'original');
    }),
    search: () => searchRef.current?.focus(),
    tab: (n) => {
      const k = queueTabs[n - 1];
      if (k) setFilter({ tab: k });
    },
  });

  return (
    <Panel
      title={t('questions.label')}
      className="questions-panel"
      testId="questions-panel"
      actions={
        <>
          <BalanceBar received={view.received} kept={view.kept} />
          {/* The organisers' lists are the central régie's (a room seat would be refused). */}
          {!roomSeat && (
            <button type="button" className="btn btn-q" onClick={() => setListsOpen(true)} title={t('questions.modListsTitle')} data-testid="moderation-lists-open">
              {t('questions.modLists')}
            </button>
          )}
          <button type="button" className="btn btn-q" onClick={() => setMode(mode === 'add' ? 'browse' : 'add')} aria-keyshortcuts="t" aria-pressed={mode === 'add'} data-testid="add-question-open">
            {t('questions.add')} <kbd>t</kbd>
          </button>
        </>
      }
    >
      <QueueTabs tab={tab} counts={view.tabCounts} />
      <QueueFilters
        originCounts={view.originCounts}
        flagged={view.flagged}
        programme={programme}
        all={all}
        currentSessionId={currentSessionId}
        searchRef={searchRef}
      />
      <div className="qmain">
        <QuestionList
          rows={rows}
          selectedId={selected?.id ?? null}
          selectedIndex={index}
          timeZone={timeZone}
          onAirId={onAirId}
          previewId={previewId}
          starredOrder={starredOrder}
          onSelect={onSelect}
          emptyText={t('questions.empty', { tab: t(tabKeys[tab]) })}
        />
        <QuestionsFeedback />
      </div>
      {mode === 'add' ? <AddQuestionForm sessionId={sessionId ?? currentSessionId} /> : <QuestionDetail q={selected} all={all} />}
      <StageMessageControl />
      {listsOpen && !roomSeat && <ModerationListsDialog onClose={closeLists} />}
      <PersonalDataReasons />
    </Panel>
  );
});
