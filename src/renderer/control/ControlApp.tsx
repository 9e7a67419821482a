import { useCallback, useMemo, useRef, useState } from 'react';
import { useLanguage, useT } from '../lib/i18n';
import { localTimeZone } from '../lib/desk-time';
import { useRegie } from '../lib/regie-store';
import { useShowClock } from '../lib/use-show-clock';
import { AccessProblemScreen } from '../ui/AccessProblemScreen';
import { ClockControl } from './ClockControl';
import { FuturePanel } from './FuturePanel';
import { LogbookPanel } from './LogbookPanel';
import { OfflineBanner } from './OfflineBanner';
import { ProgramMonitor } from './ProgramMonitor';
import { ProgrammePanel } from './ProgrammePanel';
import { ShortcutsHelp } from './ShortcutsHelp';
import { TimelinePanel } from './TimelinePanel';
import { TopBar } from './TopBar';
import { useShortcuts } from './use-shortcuts';

/** The control desk: a top bar, the programme, the rundown, the output monitor, clock and logbook. */
export function ControlApp() {
  const t = useT();
  const language = useLanguage((s) => s.language);
  const state = useRegie((s) => s.state);
  const connection = useRegie((s) => s.connection);
  const now = useShowClock();
  const noteInput = useRef<HTMLInputElement>(null);
  const [help, setHelp] = useState(false);

  const actions = useMemo(
    () => ({
      focusNote: () => noteInput.current?.focus(),
      toggleHelp: () => setHelp((h) => !h),
    }),
    [],
  );
  useShortcuts(actions);
  const closeHelp = useCallback(() => setHelp(false), []);

  if (connection === 'refused' && !state) return <AccessProblemScreen problem="refused" language={language} />;
  if (!state) {
    return (
      <main className="desk-connecting" data-testid="desk-connecting">
        <p className="desk-connecting-name">{t('app.name')}</p>
        <p data-testid="connection-state" data-state={connection}>
          {connection === 'offline' ? t('connection.offline') : t('connection.connecting')}
        </p>
      </main>
    );
  }

  const programme = state.programme;
  const timeZone = programme?.event.timeZone ?? localTimeZone();
  return (
    <div className="desk">
      <TopBar now={now} timeZone={timeZone} onHelp={() => setHelp(true)} />
      <OfflineBanner timeZone={timeZone} />
      <ProgrammePanel programme={programme} now={now} />
      <main className="desk-grid">
        <div className="desk-col desk-col-left">
          <TimelinePanel programme={programme} now={now} />
        </div>
        <div className="desk-col desk-col-center">
          <div className="monitors">
            <FuturePanel
              title="future.preview.label"
              body="future.preview.body"
              className="monitor-panel monitor-preview"
              testId="preview-panel"
            />
            <ProgramMonitor />
          </div>
          <div className="future-row">
            <FuturePanel title="future.questions.label" body="future.questions.body" testId="questions-panel" />
            <FuturePanel title="future.polls.label" body="future.polls.body" testId="polls-panel" />
          </div>
        </div>
        <div className="desk-col desk-col-right">
          <ClockControl now={now} timeZone={timeZone} />
          <LogbookPanel timeZone={timeZone} inputRef={noteInput} />
        </div>
      </main>
      <ShortcutsHelp open={help} onClose={closeHelp} />
    </div>
  );
}
