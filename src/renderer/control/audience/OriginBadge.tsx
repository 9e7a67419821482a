import type { Origin } from '../../../shared/api/state';
import { useT } from '../../lib/i18n';

/** « salle », « distance » or « régie »: where a message comes from (a word, with a colour to find it faster). */
export function OriginBadge({ origin }: { origin: Origin | 'regie' }) {
  const t = useT();
  return (
    <span className={`origin-badge origin-${origin}`} data-testid="origin-badge">
      {origin === 'room' ? t('link.room') : origin === 'remote' ? t('link.remote') : t('link.regie')}
    </span>
  );
}
