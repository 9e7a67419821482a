import { useEffect } from 'react';
import { dialogOpen, isTyping } from '../shell/key-context';
import { driveMainRoom, toggleOverview } from './desk-room-store';

/**
 * The rooms' keys at the central desk: `o` opens (and closes) the rooms overview, `0` drives the
 * main room again, on every tab. In the overview, 0–9 drive a room (RoomsOverviewDialog). A room
 * moderator's desk has neither (`enabled` false): it has one room.
 */
export function useRoomsKeys(enabled: boolean): void {
  useEffect(() => {
    if (!enabled) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || isTyping(e.target) || dialogOpen()) return;
      if (e.key === 'o' || e.key === 'O') {
        e.preventDefault();
        if (!e.repeat) toggleOverview();
      } else if (e.key === '0') {
        e.preventDefault();
        driveMainRoom();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [enabled]);
}
