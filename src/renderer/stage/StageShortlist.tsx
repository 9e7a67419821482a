import { type AudienceQuestion, questionText } from '../../shared/api/state';
import { frenchTypography } from '../../shared/domain/french-typography';
import { displayText } from '../../shared/domain/question-display';
import { tFr } from '../lib/i18n';

function originWord(origin: AudienceQuestion['origin']): string {
  return tFr(origin === 'room' ? 'stage.origin.room' : origin === 'remote' ? 'stage.origin.remote' : 'stage.origin.regie');
}

/** The shortlist in the moderators' order, large; the question on air marked; those answered, small, at the end. */
export function StageShortlist({ questions, onAirId }: { questions: readonly AudienceQuestion[]; onAirId: string | null }) {
  const open = questions.filter((q) => q.status !== 'answered');
  const answered = questions.filter((q) => q.status === 'answered');
  if (questions.length === 0) {
    // With a question on the projector, « none selected yet » would be false: that one was.
    return (
      <p className="stage-empty" data-testid="stage-empty">
        {tFr(onAirId ? 'stage.emptyBesideOnAir' : 'stage.empty')}
      </p>
    );
  }
  return (
    <main className="stage-list-box">
      <h1 className="stage-list-title">
        {tFr('stage.shortlist')} <span className="stage-list-count">{open.length}</span>
      </h1>
      <ol className="stage-list" data-testid="stage-shortlist">
        {open.map((q, i) => {
          const onAir = q.id === onAirId;
          return (
            <li key={q.id} className={`stage-q${onAir ? ' stage-q-onair' : ''}`} data-testid="stage-question" data-question-id={q.id} data-on-air={onAir}>
              <span className="stage-q-number" aria-hidden="true">
                {i + 1}
              </span>
              <div className="stage-q-body">
                {onAir && <p className="stage-q-onair-tag">{tFr('stage.onAir')}</p>}
                <p className="stage-q-text" dir="auto" data-testid="stage-question-text">
                  {frenchTypography(displayText(questionText(q)))}
                </p>
                <p className="stage-q-meta">
                  <span className="stage-q-name" dir="auto">
                    {q.name ? displayText(q.name) : tFr('stage.anonymous')}
                  </span>
                  <span className={`stage-q-origin stage-q-origin-${q.origin}`}>{originWord(q.origin)}</span>
                  <span className="stage-q-votes">{tFr(q.upvotes > 1 ? 'stage.votes' : 'stage.vote', { count: q.upvotes })}</span>
                  {q.askers > 1 && <span className="stage-q-askers">{tFr('stage.askers', { count: q.askers })}</span>}
                </p>
              </div>
            </li>
          );
        })}
      </ol>
      {answered.length > 0 && (
        <section className="stage-answered" data-testid="stage-answered">
          <h2 className="stage-answered-title">{tFr('stage.answered', { count: answered.length })}</h2>
          <ul className="stage-answered-list">
            {answered.map((q) => (
              <li key={q.id} className="stage-answered-q" dir="auto" data-question-id={q.id}>
                {displayText(questionText(q))}
              </li>
            ))}
          </ul>
        </section>
      )}
    </main>
  );
}
