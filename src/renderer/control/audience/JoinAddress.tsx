import { useMemo, useState } from 'react';
import type { LinkStatus } from '../../../shared/api/channel';
import { isLoopbackUrl } from '../../../shared/domain/join-address';
import { phoneLook } from '../../../shared/domain/phone-branding';
import { useT } from '../../lib/i18n';
import { eventCodeOf, joinUrlInUse } from '../../lib/link-status';
import { useRegie } from '../../lib/regie-store';
import { useQrCode } from '../../lib/use-qr-code';
import { JoinAddressChooser } from './JoinAddressChooser';

/**
 * The way in for the audience: the event code in big letters, the address in use and its QR code.
 * An address no phone can open (127.0.0.1, localhost) is said at once, with the way out; so is
 * what of the event's look the phones do not wear, and why (phone-branding.ts).
 */
export function JoinAddress({ link }: { link: LinkStatus }) {
  const t = useT();
  const chosen = useRegie((s) => s.state?.joinUrl ?? null);
  const url = joinUrlInUse(chosen, link);
  const code = eventCodeOf(link, url);
  const qr = useQrCode(url);
  const [choosing, setChoosing] = useState(false);
  const unreachable = url !== null && isLoopbackUrl(url);
  const event = useRegie((s) => s.state?.programme?.event ?? null);
  const look = useMemo(() => (event ? phoneLook(event) : null), [event]);
  return (
    <div className="ap-join">
      {unreachable && (
        <div className="ap-problem ap-loopback" role="status" data-testid="join-loopback">
          <p>
            <strong>{t('audiencePanel.loopback')}</strong>
          </p>
          <p>{t(link.joinUrls.some((u) => !isLoopbackUrl(u)) ? 'audiencePanel.loopbackChoose' : 'audiencePanel.loopbackHint')}</p>
        </div>
      )}
      <div className="ap-join-main">
        <div className="ap-qr-box">
          {qr ? (
            <img
              className="ap-qr"
              src={qr.src}
              alt={t('audiencePanel.qrAlt', { url: qr.text })}
              data-testid="join-qr"
              data-url={qr.text}
              width={112}
              height={112}
            />
          ) : (
            <p className="ap-qr-none small muted">{t('audiencePanel.qrNone')}</p>
          )}
        </div>
        <div className="ap-join-words">
          <p className="ap-label">{t('audiencePanel.code')}</p>
          <p className="ap-code" data-testid="event-code">
            {code ?? <span className="muted small">{t('audiencePanel.noCode')}</span>}
          </p>
          <p className="ap-label">{t('audiencePanel.address')}</p>
          {url ? (
            <p className="ap-url ap-mono" data-testid="join-url" data-loopback={unreachable}>
              {url}
            </p>
          ) : (
            <p className="small muted">{t('audiencePanel.noAddress')}</p>
          )}
          {!choosing && (
            <button type="button" className="btn ap-change" onClick={() => setChoosing(true)} data-testid="join-change">
              {t('audiencePanel.change')}
            </button>
          )}
        </div>
      </div>
      {choosing && <JoinAddressChooser offered={link.joinUrls} chosen={chosen} onDone={() => setChoosing(false)} />}
      {look && event?.branding && look.notes.length === 0 && (
        <p className="small muted ap-phone-look" data-testid="phone-look">
          {t('audiencePanel.phoneLookOk')}
        </p>
      )}
      {look && look.notes.length > 0 && (
        <div className="ap-problem ap-phone-look" data-testid="phone-look-notes">
          <p>{t('audiencePanel.phoneLookNotes')}</p>
          <ul>
            {look.notes.map((note) => (
              <li key={note}>{note}</li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
