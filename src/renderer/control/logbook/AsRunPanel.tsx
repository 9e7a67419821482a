import type { AsRunEntry } from '../../../shared/api/state';
import type { Programme } from '../../../shared/domain/programme';
import { cueActionWords, missedReasonKey, triggerKey } from '../../lib/cue-words';
import { deskTime } from '../../lib/desk-time';
import { type MessageKey, type Translate, useT } from '../../lib/i18n';
import { offsetWords } from '../../lib/offset-words';
import { seatLabel } from '../../lib/programme-view';
import { useRegie } from '../../lib/regie-store';
import { tokenFromLocation } from '../../lib/url-token';
import { Panel } from '../shell/Panel';

/** How many lines the desk shows (the export and the journal keep them all). */
export const AS_RUN_SHOWN = 200;

function kindKey(kind: AsRunEntry['kind']): MessageKey {
  switch (kind) {
    case 'session.start':
      return 'asRun.kind.sessionStart';
    case 'session.end':
      return 'asRun.kind.sessionEnd';
    case 'cue.fired':
      return 'asRun.kind.cueFired';
    case 'cue.missed':
      return 'asRun.kind.cueMissed';
    case 'cue.skipped':
      return 'asRun.kind.cueSkipped';
    case 'delay.set':
      return 'asRun.kind.delaySet';
    case 'delay.cleared':
      return 'asRun.kind.delayCleared';
  }
}

const TRIGGERS = ['go', 'auto', 'continue'] as const;
const REASONS = ['closed', 'held', 'late'] as const;

/** The detail of a line in words: the trigger of a fired cue, the reason of a missed one, a delay. */
function detailWords(e: AsRunEntry, t: Translate): string {
  const trigger = TRIGGERS.find((x) => x === e.detail);
  if (e.kind === 'cue.fired' && trigger) return t(triggerKey(trigger));
  const reason = REASONS.find((x) => x === e.detail);
  if (e.kind === 'cue.missed' && reason) return t(missedReasonKey(reason));
  return e.detail;
}

/** What the line is about: the cue's action, or the session's title. */
function subject(e: AsRunEntry, p: Programme | null, t: Translate): string {
  if (e.cueId !== null) {
    const cue = p?.sessions.flatMap((s) => s.cues ?? []).find((c) => c.id === e.cueId);
    return cue ? cueActionWords(cue.action, p, t) : e.cueId;
  }
  return (e.sessionId !== null ? p?.sessions.find((s) => s.id === e.sessionId)?.title : null) ?? e.sessionId ?? '';
}

/**
 * « Journal de conduite »: the as-run log, newest first: what happened and when, planned against
 * actual, and who did it; with the CSV export for the organisers.
 */
export function AsRunPanel() {
  const t = useT();
  const asRun = useRegie((s) => s.state?.asRun);
  const programme = useRegie((s) => s.state?.programme ?? null);
  const tz = programme?.event.timeZone ?? 'Europe/Paris';
  const token = tokenFromLocation();
  const href = `/export/as-run.csv?token=${encodeURIComponent(token ?? '')}`;
  const entries = (asRun ?? []).slice(-AS_RUN_SHOWN).reverse();
  return (
    <Panel
      title={t('asRun.label')}
      className="as-run-panel"
      testId="as-run"
      actions={
        <a className="link small" href={href} download="journal-de-conduite.csv" data-testid="as-run-export">
          {t('asRun.export')}
        </a>
      }
    >
      {entries.length === 0 ? (
        <p className="empty" data-testid="as-run-empty">
          {t('asRun.empty')}
        </p>
      ) : (
        <table className="as-run" aria-label={t('asRun.list')}>
          <thead>
            <tr>
              <th scope="col">
                {t('asRun.time')} · {t('asRun.by')}
              </th>
              <th scope="col">{t('asRun.what')}</th>
              <th scope="col">{t('asRun.planned')}</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => {
              const what = subject(e, programme, t);
              const detail = detailWords(e, t);
              const diff = e.plannedAt === null ? null : Math.round((e.actualAt - e.plannedAt) / 60_000);
              return (
                <tr key={e.seq} className={`as-run-${e.kind.replace('.', '-')}`} data-testid="as-run-row" data-kind={e.kind} data-cue-id={e.cueId ?? undefined}>
                  <td className="as-run-time">
                    <span className="as-run-line">{deskTime(e.actualAt, tz, true)}</span>
                    <span className="as-run-line as-run-by">{seatLabel(e.author, t)}</span>
                  </td>
                  <td className="as-run-what">
                    <span className="as-run-head" title={detail ? `${t(kindKey(e.kind))} · ${detail}` : undefined}>
                      <span className="as-run-kind">{t(kindKey(e.kind))}</span>
                      {detail && <span className="as-run-detail"> · {detail}</span>}
                    </span>
                    <span className="as-run-subject" title={what}>
                      {what}
                    </span>
                  </td>
                  <td className="as-run-planned">
                    {e.plannedAt !== null && <span className="as-run-line">{deskTime(e.plannedAt, tz)}</span>}
                    {diff !== null && diff !== 0 && (
                      <span className={`as-run-line ${diff > 0 ? 'as-run-late' : 'as-run-early'}`}>{offsetWords(diff, t)}</span>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </Panel>
  );
}
