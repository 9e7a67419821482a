import { useMemo, useRef } from 'react';
import { goStandby, moveStandby, sayCue, toggleHold, undoLastGo } from '../run-of-show/cue-actions';
import { doubleGoWords } from '../../../shared/domain/cue-engine';
import { useLanguage, useT } from '../../lib/i18n';
import { localTimeZone } from '../../lib/desk-time';
import { useRegie } from '../../lib/regie-store';
import { useRunOfShow } from '../../lib/use-run-of-show';
import { useShowClock } from '../../lib/use-show-clock';
import { AccessProblemScreen } from '../../ui/AccessProblemScreen';
import { AsRunPanel } from '../logbook/AsRunPanel';
import { ClockControl } from '../clock/ClockControl';
import { CuePanel } from '../run-of-show/CuePanel';
import { ConduiteEditor } from '../editor/ConduiteEditor';
import { LogbookPanel } from '../logbook/LogbookPanel';
import { OfflineBanner } from './OfflineBanner';
import { StandbyBanner } from '../standby/StandbyBanner';
import '../standby/standby.css';
import { OnAirMonitor } from '../program/OnAirMonitor';
import { PreviewPanel } from '../program/PreviewPanel';
import { ProgramBar } from '../program/ProgramBar';
import { keyIgnored, panic, restore, take } from '../program/program-actions';
import '../program/program.css';
import { ProgrammePanel } from '../timeline/ProgrammePanel';
import { CentreSwitch } from '../questions/CentreSwitch';
import { QuestionsShortcuts } from '../questions/QuestionsShortcuts';
import '../questions/questions.css';
import { ShortcutsHelp } from './ShortcutsHelp';
import { SlipConfirmDialog } from '../run-of-show/SlipConfirmDialog';
import { TimelinePanel } from '../timeline/TimelinePanel';
import { TopBar } from './TopBar';
import { closeHelp, openHelp, toggleHelp, useDeskShell } from './desk-store';
import { useDeskKeys } from './use-desk-keys';
import { useAudiencePanel } from '../audience/audience-store';
import { useAudienceKeys } from '../audience/use-audience-keys';
import { useLogbookKeys } from '../logbook/use-logbook-keys';
import { useRunOfShowKeys } from '../run-of-show/use-run-of-show-keys';
import { useDeskRoomStore } from '../rooms/desk-room-store';
import { RoomSeatDesk } from '../rooms/RoomSeatDesk';
import { RoomsOverviewDialog } from '../rooms/RoomsOverviewDialog';
import { RoomsShortcuts } from '../rooms/RoomsShortcuts';
import { useRoomSeat } from '../rooms/use-desk-room';
import { useRoomsKeys } from '../rooms/use-rooms-keys';

/**
 * The control desk: a top bar, the programme strip; the rundown on the left, the run of show
 * (standby and GO) or the questions in the middle, and under both the program bus (preview, TAKE,
 * panic, programme); clock, logbook and as-run log on the right. Laid out for 1366×768 first
 * (control.css): every control of the show in view without scrolling, on both centre tabs.
 */
export function ControlApp() {
  const t = useT();
  const language = useLanguage((s) => s.language);
  // Only whether there is a state: the panels subscribe to their own slices, so that a patch of
  // the audience (10 questions a second in a plenary) does not redraw the whole desk.
  const hasState = useRegie((s) => s.state !== null);
  const connection = useRegie((s) => s.connection);
  const now = useShowClock();
  const { programme, schedule, cues } = useRunOfShow();
  const noteInput = useRef<HTMLInputElement>(null);
  const help = useDeskShell((s) => s.helpOpen);
  // A room moderator's desk (a `room` seat): its room's questions and bus only (rooms/RoomSeatDesk.tsx).
  const roomSeat = useRoomSeat();
  const overviewOpen = useDeskRoomStore((s) => s.overviewOpen);

  // Every key layer of the desk, each defined with its group: the desk's own (TAKE, panic, help),
  // the run of show's, the « Public » panel's, the logbook's (the questions' are on their tab).
  const deskKeys = useMemo(
    () => ({
      toggleHelp,
      ignored: keyIgnored,
      take,
      panic,
      restore,
      // Escape closes these first: the « Public » panel, a session's delay popover.
      popoverOpen: () => useAudiencePanel.getState().open || document.querySelector('[data-testid="session-actions"], .composer-form') !== null,
    }),
    [],
  );
  // A room seat's desk drives its room's run of show with the same keys (its cue panel is always
  // shown; there `u` is the questions' undo unless the focus is in the cue panel, Ctrl+Z the GO's).
  const runOfShowKeys = useMemo(
    () => ({
      go: goStandby,
      goIgnored: () => sayCue(doubleGoWords(), 'error'),
      toggleHold,
      nextCue: () => moveStandby('next'),
      previousCue: () => moveStandby('previous'),
      undoGo: undoLastGo,
      runOfShowShown: () => document.querySelector('[data-testid="cue-panel"]') !== null,
    }),
    [],
  );
  // The parts that do not show the time, made once per change of what they take: the show clock
  // re-renders this desk every second, and React skips an element it already has (the closed
  // editor alone is every cue of the programme).
  const timeZone = programme?.event.timeZone ?? localTimeZone();
  const bus = useMemo(
    () => (
      <section className="desk-bus" aria-label={t('program.bus')} data-testid="desk-bus">
        <PreviewPanel />
        <ProgramBar />
        <OnAirMonitor />
      </section>
    ),
    [t],
  );
  const offline = useMemo(() => <OfflineBanner timeZone={timeZone} />, [timeZone]);
  const logs = useMemo(
    () => (
      <>
        <LogbookPanel timeZone={timeZone} inputRef={noteInput} />
        <AsRunPanel />
      </>
    ),
    [timeZone],
  );
  const helpDialog = useMemo(
    () => (
      <ShortcutsHelp
        open={help}
        onClose={closeHelp}
        extra={
          <>
            <RoomsShortcuts />
            <QuestionsShortcuts />
          </>
        }
      />
    ),
    [help],
  );
  const editor = useMemo(
    () => (
      <>
        <ConduiteEditor />
        <SlipConfirmDialog />
      </>
    ),
    [],
  );

  useDeskKeys(deskKeys);
  useRunOfShowKeys(runOfShowKeys);
  useRoomsKeys(hasState && !roomSeat);
  useAudienceKeys();
  useLogbookKeys(noteInput);

  // Refused, even with a state: the seat was revoked or given a new token while this desk was open
  // (the core closed it at once); a stale desk that cannot act would mislead.
  if (connection === 'refused') return <AccessProblemScreen problem="refused" language={language} />;
  if (!hasState) {
    return (
      <main className="desk-connecting" data-testid="desk-connecting">
        <p className="desk-connecting-name">{t('app.name')}</p>
        <p data-testid="connection-state" data-state={connection}>
          {connection === 'offline' ? t('connection.offline') : t('connection.connecting')}
        </p>
      </main>
    );
  }

  if (roomSeat) return <RoomSeatDesk now={now} timeZone={timeZone} help={help} />;
  return (
    <div className="desk">
      <TopBar now={now} timeZone={timeZone} onHelp={openHelp} />
      {offline}
      <StandbyBanner timeZone={timeZone} />
      <ProgrammePanel programme={programme} schedule={schedule} now={now} />
      <main className="desk-grid">
        <div className="desk-col desk-col-left">
          <TimelinePanel programme={programme} schedule={schedule} cues={cues} now={now} />
        </div>
        <div className="desk-col desk-col-center">
          <CentreSwitch conduite={<CuePanel programme={programme} cues={cues} now={now} />} programme={programme} cues={cues} now={now} />
        </div>
        {/* The program bus, as on a vision mixer: preview, TAKE, programme. Under both centre tabs. */}
        {bus}
        <div className="desk-col desk-col-right">
          <ClockControl now={now} timeZone={timeZone} />
          {logs}
        </div>
      </main>
      {helpDialog}
      {overviewOpen && <RoomsOverviewDialog now={now} />}
      {editor}
    </div>
  );
}
