import { useEffect, useId } from 'react';
import { clockNow } from '../../../shared/api/state';
import { deskTime } from '../../lib/desk-time';
import { useT } from '../../lib/i18n';
import { coreTimeOf, linkTone, linkWords, pendingWords } from '../../lib/link-status';
import { useRegie } from '../../lib/regie-store';
import { closeAudiencePanel, toggleAudiencePanel, useAudiencePanel } from './audience-store';
import { AudiencePanel } from './AudiencePanel';
import { LinkGlyph } from './LinkGlyph';

/**
 * « Public » in the top bar: the link to the audience hub at a glance (state in words, shape and
 * colour, round trip, participants in the room and remote, what waits to go or to come). Calm when
 * all is well, filled amber or red when it is not. It opens the « Public » panel.
 */
export function AudienceIndicator({ now, timeZone }: { now: number; timeZone: string }) {
  const t = useT();
  // The « Public » panel (audience-store.ts: `p` toggles it, writing a note closes it).
  const open = useAudiencePanel((s) => s.open);
  const link = useRegie((s) => s.status?.link ?? null);
  const clock = useRegie((s) => s.state?.clock);
  // Without the core, the hub's last state is old news: the indicator says it does not know.
  const stale = useRegie((s) => s.connection !== 'online');
  const panelId = useId();

  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && !e.defaultPrevented && !document.querySelector('dialog[open]')) closeAudiencePanel();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [open]);

  if (!link) return null;
  const tone = stale ? 'quiet' : linkTone(link, coreTimeOf(now, clock));
  const off = link.state === 'off';
  const { outbox, backlog } = stale ? { outbox: null, backlog: null } : pendingWords(link, t);
  // The link's times are the core's real clock: shown on the show clock, like every time on the desk.
  const since = t('link.since', { time: deskTime(clockNow(clock ?? { mode: 'live' }, link.since), timeZone) });
  // Counts are the hub's: only shown while it is reachable (the panel keeps the last ones).
  const showPeople = !stale && link.state === 'online';
  const words = linkWords(link.state);
  const title = [
    stale ? `${t('link.label')} — ${t('link.unknown')} (${t('link.unknownDetail')})` : `${t('link.label')} — ${t(words.full)} ${off ? '' : since}`.trim(),
    link.rttMs !== null && link.state === 'online' ? `${t('link.rttTitle')} : ${t('link.rtt', { ms: link.rttMs })}` : null,
    showPeople ? t('link.participants', { room: link.participants.room, remote: link.participants.remote }) : null,
    outbox,
    backlog,
    link.lastError && !stale ? t('link.lastError', { error: link.lastError }) : null,
  ]
    .filter(Boolean)
    .join('\n');

  return (
    <div className="audience-link">
      <button
        type="button"
        className={`audience-indicator tone-${tone}`}
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        aria-label={title}
        title={title}
        onClick={toggleAudiencePanel}
        aria-keyshortcuts="p"
        data-testid="audience-indicator"
        data-state={stale ? 'unknown' : link.state}
        data-tone={tone}
      >
        <LinkGlyph tone={tone} off={off} />
        <span className="ai-text">
          <span className="ai-line">
            <span className="ai-label">{t('link.label')}</span>
            <span className="ai-state" data-testid="audience-link-words">
              {t(stale ? 'link.unknown' : words.headline)}
            </span>
          </span>
          {stale ? (
            <span className="ai-detail">{t('link.unknownDetail')}</span>
          ) : (
            !off && (
              <span className="ai-detail">
                {words.detail && `${t(words.detail)} · `}
                {since}
                {link.state === 'online' && link.rttMs !== null && (
                  <span data-testid="audience-rtt"> · {t('link.rtt', { ms: link.rttMs })}</span>
                )}
              </span>
            )
          )}
        </span>
        {showPeople && (
          <span className="ai-people">
            <span className="ai-count" data-testid="participants-room" data-count={link.participants.room}>
              <b>{link.participants.room}</b> {t('link.room')}
            </span>
            <span className="ai-count" data-testid="participants-remote" data-count={link.participants.remote}>
              <b>{link.participants.remote}</b> {t('link.remote')}
            </span>
          </span>
        )}
        {(outbox || backlog) && (
          <span className={`ai-pending${outbox && backlog ? '' : ' ai-pending-one'}`}>
            {outbox && <span data-testid="outbox-pending">{outbox}</span>}
            {backlog && <span data-testid="hub-backlog">{backlog}</span>}
          </span>
        )}
      </button>
      {open && <AudiencePanel id={panelId} link={link} tone={tone} timeZone={timeZone} onClose={closeAudiencePanel} />}
    </div>
  );
}
