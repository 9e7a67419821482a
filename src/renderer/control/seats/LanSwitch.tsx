import { useCallback, useEffect, useState } from 'react';
import { type Translate, useT } from '../../lib/i18n';
import { fetchLan, type LanState, switchLan } from './lan-request';

type Load = { kind: 'loading' } | { kind: 'ready'; lan: LanState } | { kind: 'failed'; message: string };

function clockTime(at: number): string {
  return new Date(at).toLocaleTimeString('fr-FR', { hour: '2-digit', minute: '2-digit' });
}

function statusText(t: Translate, lan: LanState): string {
  const who = lan.changedAt !== null && lan.changedBy ? t('seats.lan.who', { time: clockTime(lan.changedAt), by: lan.changedBy }) : '';
  if (!lan.open) return t('seats.lan.closed', { who });
  if (lan.addresses.length === 0) return t('seats.lan.noNetwork', { who });
  return t('seats.lan.open', { addresses: lan.addresses.join(', '), who });
}

/**
 * « Ouvrir aux tablettes du réseau local »: the core listens on the venue network too (live, no
 * restart), and the seats' addresses and QR codes give its LAN address; off, it listens on this
 * computer only and the tablets are cut. The choice is kept for the next start, and logged.
 */
export function LanSwitch({ token, onChanged }: { token: string; onChanged: () => void }) {
  const t = useT();
  const [load, setLoad] = useState<Load>({ kind: 'loading' });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // Closing cuts the views open from the network now (tablets, projectors): asked first when there are some.
  const [confirmCut, setConfirmCut] = useState<number | null>(null);

  useEffect(() => {
    fetchLan(token).then(
      (lan) => setLoad({ kind: 'ready', lan }),
      (err: unknown) => setLoad({ kind: 'failed', message: err instanceof Error ? err.message : String(err) }),
    );
  }, [token]);

  const apply = useCallback(
    async (open: boolean) => {
      setBusy(true);
      setError(null);
      setConfirmCut(null);
      try {
        setLoad({ kind: 'ready', lan: await switchLan(token, open) });
        onChanged();
      } catch (err) {
        setError(err instanceof Error ? err.message : String(err));
      } finally {
        setBusy(false);
      }
    },
    [token, onChanged],
  );

  const toggle = async (open: boolean) => {
    if (open) return apply(true);
    setBusy(true);
    try {
      const now = await fetchLan(token);
      setLoad({ kind: 'ready', lan: now });
      if (now.views > 0) {
        setConfirmCut(now.views);
        return;
      }
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
      return;
    } finally {
      setBusy(false);
    }
    await apply(false);
  };

  const lan = load.kind === 'ready' ? load.lan : null;
  return (
    <section className={`seats-lan${lan?.open ? ' is-open' : ''}`} data-testid="seats-lan" data-open={lan ? String(lan.open) : undefined}>
      <label className="seats-lan-switch">
        <input
          type="checkbox"
          role="switch"
          checked={lan?.open ?? false}
          aria-checked={lan?.open ?? false}
          disabled={!lan || busy}
          onChange={(e) => void toggle(e.currentTarget.checked)}
          data-testid="seats-lan-switch"
        />
        <span className="seats-lan-label">{t('seats.lan.label')}</span>
      </label>
      <div className="seats-lan-text">
        {load.kind === 'failed' && (
          <p className="small seats-warning" role="alert">
            {load.message}
          </p>
        )}
        {lan && (
          <p className="small" data-testid="seats-lan-status" role="status">
            {statusText(t, lan)}
          </p>
        )}
        {lan?.failed.map((f) => (
          <p key={f.address} className="small seats-warning" data-testid="seats-lan-failed">
            {t('seats.lan.failed', { message: f.message })}
          </p>
        ))}
        {error && (
          <p className="small seats-warning" role="alert" data-testid="seats-lan-error">
            {error}
          </p>
        )}
        {confirmCut !== null && (
          <p className="small seats-lan-confirm" data-testid="seats-lan-confirm">
            {confirmCut === 1 ? t('seats.lan.confirmOne') : t('seats.lan.confirmMany', { n: confirmCut })}{' '}
            <button type="button" className="btn btn-danger" disabled={busy} onClick={() => void apply(false)} data-testid="seats-lan-close-anyway">
              {t('seats.lan.closeAnyway')}
            </button>{' '}
            <button type="button" className="btn" onClick={() => setConfirmCut(null)}>
              {t('seats.cancel')}
            </button>
          </p>
        )}
      </div>
    </section>
  );
}
