import { qaOf } from '../../../shared/api/room-live';
import { useT } from '../../lib/i18n';
import { useRegie } from '../../lib/regie-store';
import { CoreClock } from '../clock/CoreClock';
import { InteractionsPanel } from '../interactions/InteractionsPanel';
import { SlipConfirmDialog } from '../run-of-show/SlipConfirmDialog';
import { OnAirMonitor } from '../program/OnAirMonitor';
import { PreviewPanel } from '../program/PreviewPanel';
import { ProgramBar } from '../program/ProgramBar';
import { QuestionsShortcuts } from '../questions/QuestionsShortcuts';
import { QuestionsPanel } from '../questions/QuestionsPanel';
import { SeatButton } from '../seats/SeatButton';
import { ConnectionStatus } from '../shell/ConnectionStatus';
import { closeHelp, openHelp } from '../shell/desk-store';
import { LanguageSwitch } from '../shell/LanguageSwitch';
import { OfflineBanner } from '../shell/OfflineBanner';
import { ShortcutsHelp } from '../shell/ShortcutsHelp';
import { roomHue } from './room-colour';
import { useCurrentSessionId } from '../questions/use-queue';
import { RoomSeatCues } from './RoomSeatCues';
import { useDeskRoomInfo } from './use-desk-room';

/**
 * A room moderator's desk (docs/rooms.md § 3 and § 5): the control page opened by a `room` seat.
 * Its room's name, big; its room's questions (the same screening keyboard) and its room's bus
 * (preview, TAKE, panic, lock, the stage message); on the right its room's run of show (standby,
 * GO, hold, undo) and its room's polls and clouds (made, opened, shown). Nothing the core refuses
 * a room seat: no programme editor, organisers' lists, logbook, as-run, clock, exports, purge,
 * join address, rooms overview or « Sièges ».
 */
export function RoomSeatDesk({ now, timeZone, help }: { now: number; timeZone: string; help: boolean }) {
  const t = useT();
  const room = useDeskRoomInfo();
  const sessionId = useCurrentSessionId(now);
  const title = useRegie((s) => (sessionId ? s.state?.programme?.sessions.find((x) => x.id === sessionId)?.title : undefined));
  const qa = useRegie((s) => (s.state ? qaOf(s.state, room.id) : null));
  const qaOpen = qa?.open ?? false;
  return (
    <div className="desk desk-room-seat" style={{ ['--room-hue' as string]: String(roomHue(room.id)) }} data-testid="room-seat-desk" data-room={room.id}>
      <header className="topbar room-seat-topbar">
        <div className="room-seat-title">
          <span className="room-seat-kind">{t('rooms.seat.banner')}</span>
          <h1 className="room-seat-room" data-testid="room-seat-room">
            {room.name}
          </h1>
          <span className={`room-seat-qa${qaOpen ? ' room-seat-qa-open' : ''}`} data-testid="room-seat-qa" data-open={qaOpen}>
            {t('rooms.col.qa')}&nbsp;: {!qaOpen ? t('rooms.qa.closed') : qa?.roomOnly ? t('rooms.qa.roomOnly') : t('rooms.qa.everyone')}
          </span>
          {title && (
            <span className="room-seat-session" data-testid="room-seat-session" title={title}>
              {t('rooms.seat.session', { title })}
            </span>
          )}
        </div>
        <div className="topbar-clock">
          <CoreClock now={now} timeZone={timeZone} />
        </div>
        <div className="topbar-right">
          <ConnectionStatus timeZone={timeZone} />
          <SeatButton />
          <LanguageSwitch />
          <button type="button" className="btn btn-ghost btn-help" onClick={openHelp} aria-keyshortcuts="?" title={t('topbar.help')}>
            ?
          </button>
        </div>
      </header>
      <OfflineBanner timeZone={timeZone} />
      <main className="desk-grid room-seat-grid">
        <div className="desk-col desk-col-center">
          <QuestionsPanel now={now} />
        </div>
        <section className="desk-bus" aria-label={t('program.bus')} data-testid="desk-bus">
          <PreviewPanel />
          <ProgramBar />
          <OnAirMonitor />
        </section>
        <div className="desk-col room-seat-side">
          <RoomSeatCues now={now} />
          <section className="panel room-seat-ix" aria-label={t('ix.title')} data-testid="room-seat-interactions">
            <div className="panel-body">
              <InteractionsPanel room={room.id} />
            </div>
          </section>
        </div>
      </main>
      <SlipConfirmDialog />
      <ShortcutsHelp open={help} onClose={closeHelp} centralDesk={false} extra={<QuestionsShortcuts />} />
    </div>
  );
}
