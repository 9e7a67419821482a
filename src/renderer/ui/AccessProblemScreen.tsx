import { type Language, translate } from '../lib/i18n';

/** A view opened without a usable token: say plainly what to do. Styled on its own (access-problem.css). */
export function AccessProblemScreen({ problem, language }: { problem: 'missing' | 'refused'; language: Language }) {
  const t = (k: Parameters<typeof translate>[1]) => translate(language, k);
  const title = problem === 'missing' ? t('token.missing.title') : t('token.refused.title');
  const detail = problem === 'missing' ? t('token.missing.detail') : t('token.refused.detail');
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
