import { useEffect, useId, useRef } from 'react';
import { useT } from '../../lib/i18n';
import { sceneLabel } from '../program/scene-label';
import { closeOverview, driveRoom } from './desk-room-store';
import { roomHue } from './room-colour';
import type { RoomRow } from './rooms-overview';
import { usePushedSeats, useRoomsOverview } from './use-rooms-overview';

/**
 * The rooms overview (`o`, « Salles »): every room live now with its session, its Q&A, its
 * questions to screen / approved / flagged, what its screen shows, its seats connected and the
 * participants present. A room's key (0–9) or « Piloter » drives it: its queue in the centre, its
 * screen on the bus. A modal dialog: Escape or `o` closes it. Laid out for 1366×768.
 */
export function RoomsOverviewDialog({ now }: { now: number }) {
  const t = useT();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const seats = usePushedSeats();
  const overview = useRoomsOverview(now, seats);
  const keys = new Map([...overview.rows, ...overview.quiet].flatMap((r) => (r.key ? [[r.key, r.id] as [string, string]] : [])));

  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
    return () => d?.close();
  }, []);

  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    // Digits come with Shift on a French (AZERTY) keyboard.
    const room = keys.get(e.key);
    if (room) {
      e.preventDefault();
      driveRoom(room, { queue: true });
    } else if (e.key === 'o' || e.key === 'O') {
      e.preventDefault();
      closeOverview();
    }
  };

  return (
    <dialog ref={ref} className="rooms-dialog" aria-labelledby={titleId} onClose={closeOverview} onKeyDown={onKeyDown} data-testid="rooms-overview">
      <header className="rooms-head">
        <h2 id={titleId}>
          {t('rooms.title')}
          {overview.flagged > 0 && (
            <span className="rooms-flag-badge" data-testid="rooms-overview-flagged" data-count={overview.flagged}>
              ⚑ {t('rooms.counts.flagged', { count: overview.flagged })}
            </span>
          )}
        </h2>
        <button type="button" className="btn" onClick={closeOverview} data-testid="rooms-close">
          {t('rooms.close')} <kbd>o</kbd>
        </button>
      </header>
      <p className="rooms-intro">{t('rooms.intro')}</p>
      {overview.rows.length === 0 ? (
        <p className="muted">{t('rooms.empty')}</p>
      ) : (
        <table className="rooms-table">
          <thead>
            <tr>
              <th scope="col">{t('rooms.col.key')}</th>
              <th scope="col">{t('rooms.col.room')}</th>
              <th scope="col">{t('rooms.col.qa')}</th>
              <th scope="col">{t('rooms.col.counts')}</th>
              <th scope="col">{t('rooms.col.screen')}</th>
              <th scope="col">{t('rooms.col.seats')}</th>
              <th scope="col">{t('rooms.col.present')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('rooms.drive')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {overview.rows.map((row) => (
              <RoomLine key={row.id} row={row} />
            ))}
          </tbody>
        </table>
      )}
      {overview.quiet.length > 0 && (
        <p className="rooms-quiet" data-testid="rooms-quiet">
          <span className="muted">{t('rooms.quiet')}</span>{' '}
          {overview.quiet.map((r) => (
            <button key={r.id} type="button" className="btn btn-small" onClick={() => driveRoom(r.id, { queue: true })} data-testid="rooms-quiet-room" data-room={r.id}>
              {r.name} {r.key && <kbd>{r.key}</kbd>}
            </button>
          ))}
        </p>
      )}
    </dialog>
  );
}

function RoomLine({ row }: { row: RoomRow }) {
  const t = useT();
  const qaWords = !row.qa.open ? t('rooms.qa.closed') : row.qa.roomOnly ? t('rooms.qa.roomOnly') : t('rooms.qa.everyone');
  return (
    <tr
      className={`rooms-row${row.live ? '' : ' rooms-row-idle'}${row.driving ? ' rooms-row-driving' : ''}`}
      style={row.main ? undefined : { ['--room-hue' as string]: String(roomHue(row.id)) }}
      data-testid="rooms-row"
      data-room={row.id}
      data-live={row.live}
      data-incoming={row.counts.incoming}
      data-approved={row.counts.approved}
      data-flagged={row.counts.flagged}
    >
      <td className="rooms-key">{row.key && <kbd>{row.key}</kbd>}</td>
      <td className="rooms-name">
        <strong className="rooms-room-name">{row.name}</strong>
        {row.main && <span className="muted"> · {t('rooms.main')}</span>}
        <span className="rooms-session" data-testid="rooms-session" title={row.session?.title}>
          {row.session ? row.session.title : <span className="muted">{t('rooms.noSession')}</span>}
        </span>
      </td>
      <td className={`rooms-qa${row.qa.open ? ' rooms-qa-open' : ''}`} data-testid="rooms-qa" data-open={row.qa.open} data-room-only={row.qa.roomOnly}>
        {qaWords}
      </td>
      <td className="rooms-counts" data-testid="rooms-counts">
        <span className="rooms-count" title={t('rooms.counts.incoming', { count: row.counts.incoming })}>
          {row.counts.incoming}
        </span>
        {' · '}
        <span className="rooms-count" title={t('rooms.counts.approved', { count: row.counts.approved })}>
          {row.counts.approved}
        </span>
        {' · '}
        <span className={`rooms-count${row.counts.flagged > 0 ? ' rooms-count-flagged' : ''}`} title={t('rooms.counts.flagged', { count: row.counts.flagged })} data-testid="rooms-row-flagged">
          {row.counts.flagged > 0 ? `⚑ ${row.counts.flagged}` : '0'}
        </span>
      </td>
      <td className={`rooms-screen${row.panic ? ' rooms-screen-panic' : ''}`} data-testid="rooms-screen" data-scene={row.onAir.kind} data-panic={row.panic}>
        <span className="rooms-screen-box" title={sceneLabel(row.onAir, t)}>
          {row.panic ? `${t('rooms.screen.panic')} · ` : ''}
          {sceneLabel(row.onAir, t)}
        </span>
      </td>
      <td className="rooms-seats" data-testid="rooms-seats">
        {row.seats === null ? (
          <span className="muted">{t('rooms.seats.unknown')}</span>
        ) : row.seats.length === 0 ? (
          <span className="muted">{t('rooms.seats.none')}</span>
        ) : (
          row.seats.map((s) => (
            <span
              key={s.id}
              className={`rooms-seat${s.connected > 0 ? ' rooms-seat-on' : ''}`}
              title={`${s.name} — ${s.connected > 0 ? t('rooms.seat.on') : t('rooms.seat.off')}`}
              data-testid="rooms-seat"
              data-seat={s.id}
              data-connected={s.connected}
            >
              {t(`rooms.seatKind.${s.kind}`)}
            </span>
          ))
        )}
      </td>
      <td className="rooms-present" data-testid="rooms-present">
        {row.presence ? t('rooms.present', { room: row.presence.room, remote: row.presence.remote }) : <span className="muted">{t('rooms.present.unknown')}</span>}
      </td>
      <td className="rooms-drive">
        {row.driving ? (
          <span className="rooms-driving">{t('rooms.driving')}</span>
        ) : (
          <button type="button" className="btn btn-small" onClick={() => driveRoom(row.id, { queue: true })} data-testid="rooms-drive">
            {t('rooms.drive')}
          </button>
        )}
      </td>
    </tr>
  );
}
