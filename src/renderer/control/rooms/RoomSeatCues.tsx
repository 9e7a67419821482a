import { goOrder } from '../../../shared/domain/cue-order';
import { cueRoomState } from '../../../shared/domain/cue-rooms';
import { useT } from '../../lib/i18n';
import { useRegie } from '../../lib/regie-store';
import { useRunOfShow } from '../../lib/use-run-of-show';
import { cuePanelView } from '../../lib/run-of-show-view';
import { CueTransport } from '../run-of-show/CueTransport';
import { HoldBanner } from '../run-of-show/HoldBanner';
import { LastFired } from '../run-of-show/LastFired';
import { StandbyCard } from '../run-of-show/StandbyCard';
import { UndoGoBar } from '../run-of-show/UndoGoBar';
import { Panel } from '../shell/Panel';
import { useDeskRoom } from './use-desk-room';

/**
 * A room seat's run of show (docs/rooms.md § 3): its room's standby and GO, the standby moves,
 * skip, hold, the last fired and its undo — the central desk's own parts and slip guards (the
 * out-of-order confirmation, the double press, the undo), on its room's cues only. No reset (it
 * forgets every room's runs), no other rooms' line, no lists: a tablet has no room for them.
 * `data-own-keys`: with the focus here, `u` undoes the GO (elsewhere it is the questions' undo).
 */
export function RoomSeatCues({ now }: { now: number }) {
  const t = useT();
  const room = useDeskRoom();
  const { programme, cues } = useRunOfShow();
  const show = useRegie((s) => s.state?.cues ?? null);
  const engine = show ? cueRoomState(show, room) : null;
  const held = engine?.held ?? false;
  if (!programme) return null;
  const view = cuePanelView(cues, now, room);
  const outOfOrder = view.standby && engine ? goOrder(engine, cues, now, view.standby.id) : [];
  return (
    <div data-own-keys tabIndex={-1} className="room-seat-cues-box" data-testid="room-seat-cues">
      <Panel title={t('cues.label')} className={`cue-panel room-seat-cues${held ? ' cue-panel-held' : ''}`} testId="cue-panel">
        {held && <HoldBanner since={engine?.heldSince ?? null} timeZone={programme.event.timeZone} />}
        {view.standby === null && cues.every((c) => c.room !== room) ? (
          <p className="empty">{t('cues.none')}</p>
        ) : (
          <>
            <StandbyCard cue={view.standby} programme={programme} now={now} outOfOrder={outOfOrder} />
            <CueTransport standby={view.standby} held={held} />
            <div className="cue-status-line">
              <LastFired programme={programme} />
              <UndoGoBar programme={programme} />
            </div>
          </>
        )}
      </Panel>
    </div>
  );
}
