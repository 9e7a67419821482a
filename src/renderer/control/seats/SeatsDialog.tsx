import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { roomsOf } from '../../../shared/domain/rooms';
import type { SeatKind } from '../../../shared/domain/seats';
import { type Translate, useT } from '../../lib/i18n';
import { useRegie } from '../../lib/regie-store';
import { tokenFromLocation } from '../../lib/url-token';
import { useQrCode } from '../../lib/use-qr-code';
import { changeSeat, fetchSeats, type SeatEntry, type SeatList, tokenOfAddress } from './seats-request';
import { CodesDialog } from '../codes/CodesDialog';
import { LanSwitch } from './LanSwitch';
import './seats.css';

type Load = { kind: 'loading' } | { kind: 'ready'; list: SeatList } | { kind: 'failed'; message: string };

const KIND_KEY: Record<SeatKind, 'seats.kind.regie' | 'seats.kind.room' | 'seats.kind.output' | 'seats.kind.stage'> = {
  regie: 'seats.kind.regie',
  room: 'seats.kind.room',
  output: 'seats.kind.output',
  stage: 'seats.kind.stage',
};

/** Copies a text, also where the page is not a secure context (a LAN address over http). */
async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.opacity = '0';
    document.body.appendChild(area);
    area.select();
    const ok = document.execCommand('copy');
    area.remove();
    return ok;
  }
}

function connectedText(t: Translate, n: number): string {
  if (n === 0) return t('seats.connected.none');
  return n === 1 ? t('seats.connected.one') : t('seats.connected.many', { n });
}

/**
 * « Sièges »: every seat of the core with its address and QR code, to print or send to the room
 * moderators, the projectors and the stage tablets; « Nouveau jeton » voids an address (a tablet
 * lost, a link sent to the wrong person) and « Révoquer » shuts a seat out; either closes the
 * seat's open views at once. The tokens come from the core on request, never in the state.
 */
export function SeatsDialog({ onClose }: { onClose: () => void }) {
  const t = useT();
  const titleId = useId();
  const ref = useRef<HTMLDialogElement>(null);
  const programme = useRegie((s) => s.state?.programme ?? null);
  const [load, setLoad] = useState<Load>({ kind: 'loading' });
  const [notice, setNotice] = useState<{ seat: string; text: string } | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  // The personal codes of remote attendees: a dialog of its own, opened from here (régie seats only).
  const [codesOpen, setCodesOpen] = useState(false);
  const token = tokenFromLocation() ?? '';

  const refresh = useCallback(() => {
    fetchSeats(token).then(
      (list) => setLoad({ kind: 'ready', list }),
      (err: unknown) => setLoad({ kind: 'failed', message: err instanceof Error ? err.message : String(err) }),
    );
  }, [token]);

  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
    refresh();
  }, [refresh]);

  const roomName = useMemo(() => {
    const rooms = programme ? roomsOf(programme) : [];
    const main = rooms.find((r) => r.main);
    return (seat: SeatEntry): string => {
      if (seat.kind === 'regie') return t('seats.room.all');
      if (seat.room === null) return t('seats.room.main', { name: main?.name ?? t('seats.room.mainUnnamed') });
      return rooms.find((r) => r.id === seat.room)?.name ?? seat.room;
    };
  }, [programme, t]);

  const act = async (seat: SeatEntry, action: 'revoke' | 'reissue', you: string) => {
    setBusy(seat.id);
    try {
      const answer = await changeSeat(token, seat.id, action);
      // This very desk got a new token: it moves to its new address (the old one is refused now).
      const mine = answer.seat.id === you && action === 'reissue' ? tokenOfAddress(answer.seat.addresses[0] ?? '') : null;
      if (mine) {
        window.location.replace(`${window.location.pathname}?token=${encodeURIComponent(mine)}`);
        return;
      }
      setLoad({ kind: 'ready', list: answer });
      setNotice({ seat: seat.id, text: t(action === 'revoke' ? 'seats.revokedNow' : 'seats.reissued') });
    } catch (err) {
      setNotice({ seat: seat.id, text: err instanceof Error ? err.message : String(err) });
    } finally {
      setBusy(null);
    }
  };

  const list = load.kind === 'ready' ? load.list : null;
  return createPortal(
    <dialog ref={ref} className="seats-dialog" aria-labelledby={titleId} onClose={onClose} data-testid="seats-dialog">
      <header className="seats-head">
        <h2 id={titleId}>{t('seats.title')}</h2>
        <div className="seats-head-actions">
          <button type="button" className="btn" onClick={() => setCodesOpen(true)} aria-haspopup="dialog" data-testid="seats-codes">
            {t('seats.codes')}
          </button>
          <button type="button" className="btn" onClick={() => window.print()} disabled={!list} data-testid="seats-print">
            {t('seats.print')}
          </button>
          <button type="button" className="btn" onClick={() => ref.current?.close()} data-testid="seats-close">
            {t('seats.close')}
          </button>
        </div>
      </header>
      <p className="seats-intro small">{t('seats.intro')}</p>
      <LanSwitch token={token} onChanged={refresh} />
      {load.kind === 'loading' && <p className="muted">{t('seats.loading')}</p>}
      {load.kind === 'failed' && (
        <p className="seats-warning" role="alert" data-testid="seats-failed">
          {load.message}
        </p>
      )}
      {codesOpen && <CodesDialog onClose={() => setCodesOpen(false)} />}
      {list && (
        <ul className="seats-list" data-testid="seats-list">
          {list.seats.map((seat) => (
            <SeatRow
              key={seat.id}
              seat={seat}
              you={seat.id === list.you}
              room={roomName(seat)}
              busy={busy === seat.id}
              notice={notice?.seat === seat.id ? notice.text : null}
              onAct={(action) => void act(seat, action, list.you)}
            />
          ))}
        </ul>
      )}
    </dialog>,
    document.body,
  );
}

function SeatRow({
  seat,
  you,
  room,
  busy,
  notice,
  onAct,
}: {
  seat: SeatEntry;
  you: boolean;
  room: string;
  busy: boolean;
  notice: string | null;
  onAct: (action: 'revoke' | 'reissue') => void;
}) {
  const t = useT();
  const address = seat.addresses[0] ?? null;
  const qr = useQrCode(address);
  const [confirming, setConfirming] = useState(false);
  const [copied, setCopied] = useState(false);
  const revoked = seat.revokedAt !== null;
  return (
    <li className={`seat-row${revoked ? ' seat-revoked' : ''}`} data-testid="seat-row" data-seat={seat.id}>
      <div className="seat-qr-box">
        {qr && address !== null ? (
          <img className="seat-qr" src={qr.src} alt={t('seats.qrAlt', { name: seat.name })} width={92} height={92} data-url={qr.text} />
        ) : (
          <span className="seat-qr-none small muted">{revoked ? '—' : ''}</span>
        )}
      </div>
      <div className="seat-who">
        <p className="seat-name" data-testid="seat-name">
          {seat.name}
          {you && <span className="seat-you">{t('seats.you')}</span>}
        </p>
        <p className="small muted">
          {t(KIND_KEY[seat.kind])} · {room}
        </p>
        <p className={`small seat-online${seat.connected > 0 ? ' is-on' : ''}`} data-testid="seat-connected">
          {connectedText(t, seat.connected)}
        </p>
      </div>
      <div className="seat-address">
        {address !== null ? (
          <p className="seat-url" data-testid="seat-address">
            {address}
          </p>
        ) : (
          <p className="small seat-revoked-text">{t('seats.revoked')}</p>
        )}
        {notice && (
          <p className="small seat-notice" role="status" data-testid="seat-notice">
            {notice}
          </p>
        )}
      </div>
      <div className="seat-actions">
        {address !== null && (
          <button
            type="button"
            className="btn"
            onClick={() => void copyText(address).then((ok) => setCopied(ok))}
            data-testid="seat-copy"
          >
            {copied ? t('seats.copied') : t('seats.copy')}
          </button>
        )}
        <button type="button" className="btn" disabled={busy} onClick={() => onAct('reissue')} data-testid="seat-reissue">
          {t('seats.reissue')}
        </button>
        {!revoked && !you && !confirming && (
          <button type="button" className="btn btn-danger-ghost" disabled={busy} onClick={() => setConfirming(true)} data-testid="seat-revoke">
            {t('seats.revoke')}
          </button>
        )}
        {confirming && (
          <>
            <button
              type="button"
              className="btn btn-danger"
              disabled={busy}
              onClick={() => {
                setConfirming(false);
                onAct('revoke');
              }}
              data-testid="seat-revoke-confirm"
            >
              {t('seats.revokeConfirm')}
            </button>
            <button type="button" className="btn" onClick={() => setConfirming(false)}>
              {t('seats.cancel')}
            </button>
          </>
        )}
      </div>
    </li>
  );
}
