import { type MessageKey, useT } from '../../lib/i18n';
import { Panel } from './Panel';

/** A place kept for what later versions bring: says what will come, and that it is not here yet. */
export function FuturePanel({
  title,
  body,
  className,
  testId,
}: {
  title: MessageKey;
  body: MessageKey;
  className?: string;
  testId: string;
}) {
  const t = useT();
  return (
    <Panel title={t(title)} className={`future-panel ${className ?? ''}`} testId={testId}>
      <div className="future">
        <p className="future-body">{t(body)}</p>
        <p className="future-status">{t('future.notYet')}</p>
      </div>
    </Panel>
  );
}
