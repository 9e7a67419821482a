import { useState } from 'react';
import { useT } from '../../lib/i18n';
import { useRegie } from '../../lib/regie-store';
import { SeatsDialog } from './SeatsDialog';

/**
 * Which seat this desk is (« Régie — modération »), always in the top bar: two moderators at the
 * desk each see their own, and the journal writes that name. A régie seat's opens « Sièges ».
 */
export function SeatButton() {
  const t = useT();
  const seat = useRegie((s) => s.seat);
  const role = useRegie((s) => s.role);
  const [open, setOpen] = useState(false);
  const name = seat?.name ?? (role ? t(`role.${role}`) : t('role.unknown'));
  if (seat?.kind !== 'regie') {
    return (
      <div className="topbar-seat-name" data-testid="seat-role" title={`${t('topbar.seat')}\u00a0: ${name}`}>
        {name}
      </div>
    );
  }
  return (
    <>
      <button
        type="button"
        className="btn btn-ghost topbar-seat-button"
        onClick={() => setOpen(true)}
        data-testid="seat-role"
        title={t('seats.button.title', { name })}
        aria-haspopup="dialog"
      >
        {name}
      </button>
      {open && <SeatsDialog onClose={() => setOpen(false)} />}
    </>
  );
}
