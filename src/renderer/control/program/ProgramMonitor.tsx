import { useRef } from 'react';
import { useT } from '../../lib/i18n';
import { useRegie } from '../../lib/regie-store';
import { useFitScale } from '../../ui/use-fit-scale';
import { Panel } from '../shell/Panel';
import { useDeskRoomInfo } from '../rooms/use-desk-room';
import { tokenFromLocation } from '../../lib/url-token';

/**
 * The outputUrl from the core may name the venue-network address; the desk's CSP only frames its
 * own origin, so the same path and token are loaded from the origin this page came from.
 */
export function sameOriginUrl(url: string, origin: string, room: string | null = null): string | null {
  try {
    const u = new URL(url);
    // The room the desk drives (the main output's seat may name the room it shows).
    if (room !== null) u.searchParams.set('room', room);
    return new URL(u.pathname + u.search, origin).toString();
  } catch {
    return null;
  }
}

/**
 * A room seat's monitor: the output page opened with the seat's own token, which the core takes
 * there for a read-only output of the seat's room only (docs/rooms.md § 3): a room seat holds no
 * output token, and its own opens no other room's screen.
 */
export function roomMonitorUrl(search: string, origin: string, room: string): string | null {
  const token = tokenFromLocation(search);
  if (token === null) return null;
  return new URL(`/output?${new URLSearchParams({ token, room }).toString()}`, origin).toString();
}

/** « PROGRAMME (à l’antenne) »: the real output page, live, scaled down and not interactive. */
export function ProgramMonitor() {
  const t = useT();
  const outputUrl = useRegie((s) => s.access?.outputUrl ?? null);
  const roomSeat = useRegie((s) => s.seat?.kind === 'room');
  const room = useDeskRoomInfo();
  const src = roomSeat
    ? roomMonitorUrl(window.location.search, window.location.origin, room.id)
    : outputUrl
      ? sameOriginUrl(outputUrl, window.location.origin, room.main ? null : room.id)
      : null;
  const box = useRef<HTMLDivElement>(null);
  const scale = useFitScale(box, 1920, 1080);
  return (
    <Panel
      title={<span className="onair-label">{t('monitor.label')}</span>}
      className="monitor-panel monitor-program"
      testId="program-monitor"
    >
      <div className="monitor-box" ref={box}>
        {src ? (
          <iframe
            className="monitor-frame"
            src={src}
            title={t('monitor.frameTitle')}
            tabIndex={-1}
            style={{ transform: `scale(${scale})` }}
          />
        ) : (
          <p className="empty monitor-empty">{t('monitor.unavailable')}</p>
        )}
      </div>
      {src && (
        <p className="monitor-foot">
          <a className="link" href={src} target="_blank" rel="noopener noreferrer" data-testid="open-output">
            {t('monitor.open')}
          </a>
        </p>
      )}
    </Panel>
  );
}
