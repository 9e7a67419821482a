import { useT } from '../../lib/i18n';
import { useRegie } from '../../lib/regie-store';
import { AudienceIndicator } from '../audience/AudienceIndicator';
import { ConnectionStatus } from './ConnectionStatus';
import { ExportButton } from '../export/ExportButton';
import { CoreClock } from '../clock/CoreClock';
import { HoldPill } from '../run-of-show/HoldPill';
import { LanguageSwitch } from './LanguageSwitch';
import { ModeSwitch } from './ModeSwitch';
import { SeatButton } from '../seats/SeatButton';
import { StandbyPill } from '../standby/StandbyPill';

/** Event, clock, hold, the audience hub, the link to the core, desk mode, seat, language, help: what the operator checks at a glance. */
export function TopBar({ now, timeZone, onHelp }: { now: number; timeZone: string; onHelp: () => void }) {
  const t = useT();
  const event = useRegie((s) => s.state?.programme?.event);
  const regie = useRegie((s) => s.seat?.kind === 'regie' || (s.seat === null && s.role === 'control'));
  return (
    <header className="topbar">
      <div className="topbar-brand">{t('app.name')}</div>
      <div className="topbar-event" data-testid="event-name" title={event?.name}>
        {event ? event.name : <span className="muted">{t('topbar.noProgramme')}</span>}
        {event?.edition && <span className="topbar-edition">{event.edition}</span>}
      </div>
      <div className="topbar-clock">
        <CoreClock now={now} timeZone={timeZone} />
        <HoldPill timeZone={timeZone} />
      </div>
      <div className="topbar-right">
        <AudienceIndicator now={now} timeZone={timeZone} />
        <ConnectionStatus timeZone={timeZone} />
        {regie && <StandbyPill />}
        <ModeSwitch />
        {regie && <ExportButton />}
        <SeatButton />
        <LanguageSwitch />
        <button type="button" className="btn btn-ghost btn-help" onClick={onHelp} aria-keyshortcuts="?" title={t('topbar.help')}>
          ?
        </button>
      </div>
    </header>
  );
}
