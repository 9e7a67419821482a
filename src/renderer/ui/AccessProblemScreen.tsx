import { type Language, translate } from '../lib/i18n';

/** A view opened without a usable token (or with a room it cannot read): say plainly what to do. Styled on its own (access-problem.css). */
export function AccessProblemScreen({ problem, language }: { problem: 'missing' | 'refused' | 'room'; language: Language }) {
  const t = (k: Parameters<typeof translate>[1]) => translate(language, k);
  const [title, detail] =
    problem === 'missing'
      ? [t('token.missing.title'), t('token.missing.detail')]
      : problem === 'refused'
        ? [t('token.refused.title'), t('token.refused.detail')]
        : [t('room.malformed.title'), t('room.malformed.detail')];
  return (
    <main className="access-problem" role="alert" data-testid="access-problem" data-problem={problem}>
      <div className="access-problem-card">
        <p className="access-problem-app">{t('app.name')}</p>
        <h1 className="access-problem-title">{title}</h1>
        <p className="access-problem-detail">{detail}</p>
      </div>
    </main>
  );
}
