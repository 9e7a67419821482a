import { useState } from 'react';
import type { Session } from '../../../shared/domain/programme';
import { type DeskMode, deskModes, lockCommand, runningSession, useDeskMode } from '../../lib/desk-mode';
import { useT } from '../../lib/i18n';
import { useRegie } from '../../lib/regie-store';
import { useCommand } from '../../lib/use-command';
import { showTime } from '../../lib/use-show-clock';
import { useEditor } from '../editor/editor-store';
import { EditorLauncher } from '../editor/EditorLauncher';
import { UnlockConfirm } from '../editor/UnlockConfirm';

/**
 * « Préparation / Spectacle », the core's lock shared by every seat: show mode locks the
 * programme (edits, loading, import) and hides the cue reset and the editor (an open editor
 * closes, and says so here). Going back to preparation while a session runs asks first. In
 * preparation, the editor's launcher follows.
 */
export function ModeSwitch() {
  const t = useT();
  const mode = useDeskMode((s) => s.mode);
  const { send, pending, problem, clear } = useCommand();
  const [asking, setAsking] = useState<Session | null>(null);
  const closedByLock = useEditor((s) => s.closedByLock);
  const dismissLockNote = useEditor((s) => s.dismissLockNote);

  const choose = (next: DeskMode) => {
    clear();
    if (next === mode || pending) return;
    if (next === 'preparation') {
      const { state, serverOffsetMs } = useRegie.getState();
      const running = state ? runningSession(state, showTime(state.clock, serverOffsetMs)) : null;
      if (running) return setAsking(running);
    }
    void send(lockCommand(next));
  };
  const unlock = async () => {
    await send(lockCommand('preparation'));
    setAsking(null);
  };

  return (
    <div className="mode-area">
      <div
        className={`segmented mode-switch mode-switch-${mode}`}
        role="group"
        aria-label={t('mode.label')}
        aria-busy={pending}
        title={mode === 'show' ? t('mode.showHint') : t('mode.preparationHint')}
        data-testid="mode-switch"
        data-mode={mode}
      >
        {deskModes.map((m) => (
          <button
            key={m}
            type="button"
            className="segmented-btn"
            aria-pressed={mode === m}
            onClick={() => choose(m)}
            data-testid={`mode-${m}`}
          >
            {m === 'show' ? t('mode.show') : t('mode.preparation')}
          </button>
        ))}
      </div>
      {mode === 'preparation' && <EditorLauncher />}
      {mode === 'show' && closedByLock && (
        <p className="mode-note" role="status" data-testid="editor-closed-note">
          {t('editor.closedByShow')}
          <button type="button" className="btn btn-small btn-ghost" onClick={dismissLockNote} aria-label={t('editor.dismiss')}>
            ×
          </button>
        </p>
      )}
      {problem && (
        <p className="mode-problem" role="alert" data-testid="mode-problem">
          {problem.message}
          <button type="button" className="btn btn-small btn-ghost" onClick={clear} aria-label={t('editor.dismiss')}>
            ×
          </button>
        </p>
      )}
      {asking && <UnlockConfirm session={asking} pending={pending} onConfirm={() => void unlock()} onCancel={() => setAsking(null)} />}
    </div>
  );
}
