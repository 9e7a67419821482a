import type { OutOfOrder } from '../../../shared/domain/cue-order';
import type { Programme } from '../../../shared/domain/programme';
import { formatCountdown } from '../../lib/countdown';
import { shortReasons } from '../../lib/cue-order-words';
import { cueActionWords, sceneDestination } from '../../lib/cue-words';
import { goStandby } from './cue-actions';
import { deskTime } from '../../lib/desk-time';
import { useT } from '../../lib/i18n';
import type { CueView } from '../../lib/run-of-show-view';
import { CueTraits } from './CueTraits';
import { OffsetBadge } from '../timeline/OffsetBadge';

/**
 * The cue the next GO fires, in full: what it does in words, its session, planned and expected
 * time with the offset, a countdown on the show clock, how it goes, where its scene goes (the
 * preview, or straight to air), the operator's notes, and why a GO would be out of order (it
 * then asks for a confirmation). The big GO button sits on its right.
 */
export function StandbyCard({ cue, programme, now, outOfOrder = [] }: { cue: CueView | null; programme: Programme; now: number; outOfOrder?: readonly OutOfOrder[] }) {
  const t = useT();
  const tz = programme.event.timeZone;
  if (!cue) {
    return (
      <div className="standby standby-empty" data-testid="standby" data-cue-id="">
        <div className="standby-info">
          <p className="standby-tag">{t('cues.standby')}</p>
          <p className="standby-none">{t('cues.noStandby')}</p>
        </div>
        <GoButton disabled />
      </div>
    );
  }
  const session = programme.sessions.find((s) => s.id === cue.sessionId);
  const words = cueActionWords(cue.cue.action, programme, t);
  const left = cue.expectedAt - now;
  const offset = Math.round((cue.expectedAt - cue.plannedAt) / 60_000);
  const destination = sceneDestination(cue.cue.action);
  return (
    <div
      className={`standby standby-${cue.status}${outOfOrder.length > 0 ? ' standby-out-of-order' : ''}`}
      data-testid="standby"
      data-cue-id={cue.id}
      data-status={cue.status}
      data-out-of-order={outOfOrder.length > 0}
    >
      <div className="standby-info">
        <div className="standby-head">
          <span className="standby-tag">{t('cues.standby')}</span>
          {cue.status === 'missed' && <span className="missed-tag">{t('cues.missedTag')}</span>}
          <CueTraits cue={cue.cue} />
        </div>
        <p className="standby-action" data-testid="standby-action" title={words}>
          {words}
        </p>
        {session && (
          <p className="standby-session" title={session.title}>
            {session.title}
          </p>
        )}
        <p className="standby-times">
          <span>{t('cues.planned', { time: deskTime(cue.plannedAt, tz) })}</span>
          {offset !== 0 && <span className="standby-expected">{t('cues.expected', { time: deskTime(cue.expectedAt, tz) })}</span>}
          <OffsetBadge minutes={offset} testId="standby-offset" />
          <span className={`standby-countdown${left <= 0 ? ' standby-countdown-past' : ''}`} data-testid="standby-countdown">
            {left > 0 ? t('cues.in', { countdown: formatCountdown(left) }) : t('cues.past', { countdown: formatCountdown(left) })}
          </span>
        </p>
        {destination && (
          <p className={`standby-destination standby-to-${destination}`} data-testid="standby-destination" data-destination={destination}>
            {t(destination === 'air' ? 'cues.sceneCue.toAir' : 'cues.sceneCue.toPreview')}
          </p>
        )}
        {outOfOrder.length > 0 && (
          <p className="standby-out-of-order-note" data-testid="standby-out-of-order">
            {t('cues.outOfOrder.standby', { reasons: shortReasons(outOfOrder, t) })}
          </p>
        )}
        {cue.cue.notes && (
          <p className="standby-notes" data-testid="standby-notes">
            <span className="standby-notes-label">{t('cues.notes')}</span> {cue.cue.notes}
          </p>
        )}
      </div>
      <GoButton />
    </div>
  );
}

function GoButton({ disabled = false }: { disabled?: boolean }) {
  const t = useT();
  return (
    <button
      type="button"
      className="go-button"
      onClick={goStandby}
      disabled={disabled}
      title={t('cues.goTitle')}
      aria-keyshortcuts="Space"
      data-testid="go-button"
    >
      <span className="go-word">{t('cues.go')}</span>
      <kbd className="go-key">{t('key.space')}</kbd>
    </button>
  );
}
