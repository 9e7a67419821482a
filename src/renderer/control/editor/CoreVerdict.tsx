import type { FieldIssue } from '../../../shared/api/results';
import { useT } from '../../lib/i18n';

export interface Verdict {
  message: string;
  issues: FieldIssue[];
}

/** The core's refusal, word for word, with every issue it named (path and message). */
export function CoreVerdict({ verdict, testId = 'editor-verdict' }: { verdict: Verdict | null; testId?: string }) {
  const t = useT();
  return (
    <div aria-live="assertive" className="ed-verdict-box">
      {verdict && (
        <div className="ed-verdict" role="alert" data-testid={testId}>
          <p className="ed-verdict-message">
            <span className="ed-verdict-tag">{t('editor.refused')}</span> {verdict.message}
          </p>
          {verdict.issues.length > 0 && (
            <ul className="ed-issues" aria-label={t('editor.issues')}>
              {verdict.issues.map((i, k) => (
                <li key={k} data-testid="editor-issue">
                  {i.path && <code className="ed-issue-path">{i.path}</code>} {i.message}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}
