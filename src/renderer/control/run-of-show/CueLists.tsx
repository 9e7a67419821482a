import type { ReactNode } from 'react';
import type { Programme } from '../../../shared/domain/programme';
import { formatCountdown } from '../../lib/countdown';
import { goCue, rearmCue, skipCue } from './cue-actions';
import { cueActionWords, missedReasonKey } from '../../lib/cue-words';
import { deskTime } from '../../lib/desk-time';
import { useT } from '../../lib/i18n';
import type { CuePanelView } from '../../lib/run-of-show-view';
import { CueLine } from './CueLine';

function Section({ title, testId, children, tone }: { title: string; testId: string; children: ReactNode; tone?: string }) {
  return (
    <section className={`cue-section ${tone ?? ''}`} data-testid={testId}>
      <h3 className="cue-section-title">{title}</h3>
      <ol className="cue-lines">{children}</ol>
    </section>
  );
}

/** Back to waiting and on standby: the next GO is this cue (its effect is not undone: `u` does that). */
function RearmButton({ cue, programme }: { cue: CuePanelView['behind'][number]; programme: Programme }) {
  const t = useT();
  return (
    <button
      type="button"
      className="btn btn-small"
      onClick={() => rearmCue(cue.id)}
      aria-label={t('cues.rearmLabel', { cue: cueActionWords(cue.cue.action, programme, t) })}
      title={t('cues.rearmLabel', { cue: cueActionWords(cue.cue.action, programme, t) })}
      data-testid="cue-rearm"
    >
      {t('cues.rearm')}
    </button>
  );
}

/**
 * Under the standby: cues in their pre-wait, cues fired out of order (what they did, to re-arm),
 * missed cues (fire or skip them by hand), cues passed over (still to do behind the standby, or
 * skipped: re-arm them), what comes next.
 */
export function CueLists({ view, programme, now }: { view: CuePanelView; programme: Programme; now: number }) {
  const t = useT();
  const tz = programme.event.timeZone;
  // A region that may scroll: reachable with Tab even when it holds no button (WCAG 2.1.1).
  return (
    <div className="cue-lists" role="region" aria-label={t('cues.listsLabel')} tabIndex={0} data-testid="cue-lists">
      {view.prewaits.length > 0 && (
        <Section title={t('cues.prewaits')} testId="prewait-cues" tone="cue-section-prewait">
          {view.prewaits.map((c) => (
            <CueLine key={c.id} cue={c} programme={programme}>
              <span className="prewait-countdown" data-testid="prewait-countdown">
                {c.run?.status === 'prewait' ? t('cues.prewaitIn', { countdown: formatCountdown(Math.max(0, c.run.fireAt - now)) }) : null}
              </span>
              <button type="button" className="btn btn-small" onClick={() => goCue(c.id)} data-testid="cue-fire">
                {t('cues.fireNow')}
              </button>
              <button type="button" className="btn btn-small" onClick={() => skipCue(c.id)} data-testid="cue-skip-one">
                {t('cues.skip')}
              </button>
            </CueLine>
          ))}
        </Section>
      )}
      {view.outOfOrder.length > 0 && (
        <Section title={t('cues.outOfOrderFired')} testId="out-of-order-cues" tone="cue-section-out-of-order">
          {view.outOfOrder.map((c) => (
            <CueLine key={c.id} cue={c} programme={programme} {...(c.run?.status === 'fired' ? { note: t('cues.firedAt', { time: deskTime(c.run.firedAt, tz) }) } : {})}>
              <span className="out-of-order-tag">{t('cues.outOfOrderTag')}</span>
              <RearmButton cue={c} programme={programme} />
            </CueLine>
          ))}
        </Section>
      )}
      {view.missed.length > 0 && (
        <Section title={t('cues.missed')} testId="missed-cues" tone="cue-section-missed">
          {view.missed.map((c) => (
            <CueLine key={c.id} cue={c} programme={programme} {...(c.run?.status === 'missed' ? { note: t(missedReasonKey(c.run.reason)) } : {})}>
              <span className="missed-tag">{t('cues.missedTag')}</span>
              <button type="button" className="btn btn-small" onClick={() => goCue(c.id)} data-testid="cue-fire">
                {t('cues.fireNow')}
              </button>
              <button type="button" className="btn btn-small" onClick={() => skipCue(c.id)} data-testid="cue-skip-one">
                {t('cues.skip')}
              </button>
            </CueLine>
          ))}
        </Section>
      )}
      {view.behind.length > 0 && (
        <Section title={t('cues.behind')} testId="behind-cues" tone="cue-section-behind">
          {view.behind.map((c) => (
            <CueLine key={c.id} cue={c} programme={programme} note={t(c.status === 'skipped' ? 'cues.status.skipped' : 'cues.status.waiting')}>
              <RearmButton cue={c} programme={programme} />
            </CueLine>
          ))}
        </Section>
      )}
      <Section title={t('cues.upcoming')} testId="upcoming-cues">
        {view.upcoming.length === 0 ? (
          <li className="empty">{t('cues.noUpcoming')}</li>
        ) : (
          view.upcoming.map((c) => (
            <CueLine key={c.id} cue={c} programme={programme}>
              <span className="cue-line-in">
                {c.expectedAt > now ? t('cues.in', { countdown: formatCountdown(c.expectedAt - now) }) : t('cues.past', { countdown: formatCountdown(c.expectedAt - now) })}
              </span>
            </CueLine>
          ))
        )}
      </Section>
    </div>
  );
}
