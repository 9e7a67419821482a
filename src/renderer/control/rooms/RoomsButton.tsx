import { useT } from '../../lib/i18n';
import { toggleOverview, useDeskRoomStore } from './desk-room-store';
import { useFlaggedEverywhere } from './use-rooms-overview';

/**
 * « Salles » beside the centre's tabs (`o`; the top bar has no width to spare at 1280): opens the rooms overview. A question flagged in any room shows
 * here, at the centre, whichever room the desk drives.
 */
export function RoomsButton() {
  const t = useT();
  const open = useDeskRoomStore((s) => s.overviewOpen);
  const flagged = useFlaggedEverywhere();
  return (
    <button
      type="button"
      className="btn btn-ghost rooms-button"
      onClick={toggleOverview}
      aria-keyshortcuts="o"
      aria-haspopup="dialog"
      aria-expanded={open}
      title={t('rooms.button.title')}
      data-testid="rooms-button"
    >
      {t('rooms.button')} <kbd>o</kbd>
      {flagged > 0 && (
        <span className="rooms-flag-badge" data-testid="rooms-flag-badge" data-count={flagged} title={t('rooms.flagged.badge', { count: flagged })}>
          ⚑ {flagged}
        </span>
      )}
    </button>
  );
}
