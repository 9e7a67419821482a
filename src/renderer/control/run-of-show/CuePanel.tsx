import { goOrder } from '../../../shared/domain/cue-order';
import { cueRoomState } from '../../../shared/domain/cue-rooms';
import type { Programme } from '../../../shared/domain/programme';
import { useT } from '../../lib/i18n';
import { useRegie } from '../../lib/regie-store';
import { cuePanelView, type CueView } from '../../lib/run-of-show-view';
import { useDeskRoom } from '../rooms/use-desk-room';
import { OtherRoomsStandby } from './OtherRoomsStandby';
import { CueLists } from './CueLists';
import { CueReset } from './CueReset';
import { CueTransport } from './CueTransport';
import { HoldBanner } from './HoldBanner';
import { LastFired } from './LastFired';
import { LiveIndicator } from '../audience/LiveIndicator';
import { Panel } from '../shell/Panel';
import { StandbyCard } from './StandbyCard';
import { UndoGoBar } from './UndoGoBar';

/**
 * « Conduite »: the run of show of the desk's room (each room has its own standby, GO order and
 * hold). The standby cue and GO on top (saying when a GO would be out of order), a line per other
 * room whose standby is due, the last GO and its undo, then what is about to fire, what was fired
 * out of order, what was missed, what was passed over, and what comes next; a hold of the room is
 * shown across the whole panel.
 */
export function CuePanel({ programme, cues, now }: { programme: Programme | null; cues: CueView[]; now: number }) {
  const t = useT();
  const room = useDeskRoom();
  const show = useRegie((s) => s.state?.cues ?? null);
  const engine = show && room ? cueRoomState(show, room) : null;
  const held = engine?.held ?? false;
  const heldSince = engine?.heldSince ?? null;
  const className = `cue-panel${held ? ' cue-panel-held' : ''}`;
  if (!programme) {
    return (
      <Panel title={t('cues.label')} className={className} testId="cue-panel">
        <p className="empty">{t('programme.none')}</p>
      </Panel>
    );
  }
  const view = cuePanelView(cues, now, room ?? '');
  // Why a GO on the standby now would be out of order: said on the card before anyone presses.
  const outOfOrder = view.standby && engine ? goOrder(engine, cues, now, view.standby.id) : [];
  return (
    <Panel title={t('cues.label')} className={className} testId="cue-panel" actions={<LiveIndicator />}>
      {held && <HoldBanner since={heldSince} timeZone={programme.event.timeZone} />}
      {cues.length === 0 ? (
        <p className="empty">{t('cues.none')}</p>
      ) : (
        <>
          <StandbyCard cue={view.standby} programme={programme} now={now} outOfOrder={outOfOrder} />
          <CueTransport standby={view.standby} held={held} />
          {room && <OtherRoomsStandby cues={cues} programme={programme} now={now} room={room} />}
          <div className="cue-status-line">
            <LastFired programme={programme} />
            <UndoGoBar programme={programme} />
            <CueReset />
          </div>
          <CueLists view={view} programme={programme} now={now} />
        </>
      )}
    </Panel>
  );
}
