import { deskTime } from '../../lib/desk-time';
import { useT } from '../../lib/i18n';
import { latestQuestions } from '../../lib/link-status';
import { useRegie } from '../../lib/regie-store';
import { OriginBadge } from './OriginBadge';

/**
 * The last five questions as they arrive: a live feed to see that the audience is talking, not the
 * screening desk. Plain text only, no action: nothing leaves for the projector from here.
 */
export function AudienceFeed({ timeZone }: { timeZone: string }) {
  const t = useT();
  const all = useRegie((s) => s.state?.audience.questions);
  const questions = latestQuestions(all ?? []);
  return (
    <section className="ap-section" aria-label={t('audiencePanel.feed')} data-testid="audience-feed">
      <h3 className="ap-section-title">
        {t('audiencePanel.feed')} <span className="ap-section-note">{t('audiencePanel.feedNote')}</span>
      </h3>
      {questions.length === 0 ? (
        <p className="empty small">{t('audiencePanel.noQuestions')}</p>
      ) : (
        <ol className="ap-feed">
          {questions.map((q) => (
            <li key={q.id} className="ap-question" data-testid="feed-question" data-origin={q.origin}>
              <div className="ap-question-meta">
                <OriginBadge origin={q.origin} />
                <time className="muted">{deskTime(q.receivedAt, timeZone)}</time>
                <span className="muted ap-question-name">{q.name ?? t('audiencePanel.anonymous')}</span>
              </div>
              <p className="ap-question-text">{q.text}</p>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
