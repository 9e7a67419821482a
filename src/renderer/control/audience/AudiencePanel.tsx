import { useId } from 'react';
import { type ClockSetting, clockNow } from '../../../shared/api/state';
import type { LinkStatus } from '../../../shared/api/channel';
import { deskTime } from '../../lib/desk-time';
import { useT } from '../../lib/i18n';
import { type LinkTone, linkWords, pendingWords } from '../../lib/link-status';
import { useRegie } from '../../lib/regie-store';
import { AudienceFeed } from './AudienceFeed';
import { InteractionsPanel } from '../interactions/InteractionsPanel';
import { JoinAddress } from './JoinAddress';
import { LiveTallies } from './LiveTallies';
import { WordsPanel } from '../words/WordsPanel';

const LIVE: ClockSetting = { mode: 'live' };

/** What the link needs from the operator when it is not well, in one sentence. */
function LinkProblem({ link }: { link: LinkStatus }) {
  const t = useT();
  const hint =
    link.state === 'off'
      ? t('link.offHint')
      : link.state === 'refused'
        ? t('link.refusedHint')
        : link.state === 'offline'
          ? t('link.offlineHint')
          : null;
  if (!hint && !link.lastError) return null;
  return (
    <div className={`ap-problem ap-problem-${link.state}`} data-testid="audience-link-problem">
      {hint && <p>{hint}</p>}
      {link.lastError && <p className="ap-last-error">{t('link.lastError', { error: link.lastError })}</p>}
    </div>
  );
}

/**
 * « Public »: the event code in big letters, the join address with its QR code (and the choice of
 * address), the state of the link in full, and a live feed of what the audience sends: the last
 * questions (inert: screening is elsewhere) and the counts of the open polls. Not modal: it stays
 * open beside the run of show until closed (Escape, the indicator, or its button).
 */
export function AudiencePanel({
  id,
  link,
  tone,
  timeZone,
  onClose,
}: {
  id: string;
  link: LinkStatus;
  tone: LinkTone;
  timeZone: string;
  onClose: () => void;
}) {
  const t = useT();
  const titleId = useId();
  const received = useRegie((s) => s.state?.audience.received ?? 0);
  const clock = useRegie((s) => s.state?.clock ?? LIVE);
  // Without the core, the hub's last state is old news (the indicator says the same).
  const stale = useRegie((s) => s.connection !== 'online');
  const questions = useRegie((s) => s.state?.audience.questions.length ?? 0);
  const { outbox, backlog } = pendingWords(link, t);
  return (
    <section id={id} className="audience-panel" role="region" aria-labelledby={titleId} data-testid="audience-panel">
      <header className="ap-head">
        <h2 className="panel-title" id={titleId}>
          {t('audiencePanel.title')}
        </h2>
        <span className={`ap-state tone-${tone}`} data-testid="audience-panel-state">
          {stale
            ? `${t('link.unknown')} (${t('link.unknownDetail')})`
            : `${t(linkWords(link.state).full)} ${link.state !== 'off' ? t('link.since', { time: deskTime(clockNow(clock, link.since), timeZone) }) : ''}`.trim()}
        </span>
        <button
          type="button"
          className="btn btn-ghost ap-close"
          onClick={onClose}
          aria-label={t('audiencePanel.close')}
          title={t('audiencePanel.close')}
        >
          ×
        </button>
      </header>
      <div className="ap-body">
        <LinkProblem link={link} />
        <JoinAddress link={link} />
        <dl className="ap-stats">
          {link.state === 'online' && !stale && (
            <div className="ap-stats-people">
              <dt>{t('audiencePanel.connected')}</dt>
              <dd>
                <b data-testid="panel-participants-room">{link.participants.room}</b> {t('link.room')} ·{' '}
                <b data-testid="panel-participants-remote">{link.participants.remote}</b> {t('link.remote')}
              </dd>
            </div>
          )}
          <div>
            <dt>{t('audiencePanel.received')}</dt>
            <dd data-testid="audience-received">{received}</dd>
          </div>
          <div>
            <dt>{t('audiencePanel.questions')}</dt>
            <dd data-testid="audience-questions-count">{questions}</dd>
          </div>
          {link.rttMs !== null && link.state === 'online' && !stale && (
            <div>
              <dt title={t('link.rttTitle')}>{t('audiencePanel.rtt')}</dt>
              <dd>{t('link.rtt', { ms: link.rttMs })}</dd>
            </div>
          )}
        </dl>
        {(outbox || backlog) && <p className="ap-pending">{[outbox, backlog].filter(Boolean).join(' · ')}</p>}
        {link.hubUrl && (
          <p className="ap-hub small muted">
            {link.embedded ? t('link.embedded') : t('link.remoteHub')} · <span className="ap-mono">{link.hubUrl}</span>
          </p>
        )}
        <InteractionsPanel />
        <AudienceFeed timeZone={timeZone} />
        <LiveTallies />
        <WordsPanel />
      </div>
    </section>
  );
}
