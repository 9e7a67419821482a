import { type QueueTab, queueTabs } from '../../../shared/domain/question-queue';
import { type MessageKey, useT } from '../../lib/i18n';
import { setFilter } from './questions-store';

export const tabKeys: Record<QueueTab, MessageKey> = {
  incoming: 'questions.tab.incoming',
  approved: 'questions.tab.approved',
  shortlist: 'questions.tab.shortlist',
  answered: 'questions.tab.answered',
  rejected: 'questions.tab.rejected',
};

/** « À trier 12 · Approuvées 4 · Sélection 3 · Répondues 1 · Rejetées 2 »; keys 1 to 5. */
export function QueueTabs({ tab, counts }: { tab: QueueTab; counts: Record<QueueTab, number> }) {
  const t = useT();
  return (
    <div className="qtabs" role="tablist" aria-label={t('questions.tabs')}>
      {queueTabs.map((k, i) => (
        <button
          key={k}
          type="button"
          role="tab"
          aria-selected={tab === k}
          aria-keyshortcuts={String(i + 1)}
          className={`qtab qtab-${k}`}
          onClick={() => setFilter({ tab: k })}
          data-testid={`tab-${k}`}
          data-count={counts[k]}
        >
          {t(tabKeys[k])} <span className="qtab-count">{counts[k]}</span>
        </button>
      ))}
    </div>
  );
}
