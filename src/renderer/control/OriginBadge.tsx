import type { Origin } from '../../shared/api/state';
import { useT } from '../lib/i18n';

/** « salle » or « distance »: where a message comes from (a word, with a colour to find it faster). */
export function OriginBadge({ origin }: { origin: Origin }) {
  const t = useT();
  return (
    <span className={`origin-badge origin-${origin}`} data-testid="origin-badge">
      {origin === 'room' ? t('link.room') : t('link.remote')}
    </span>
  );
}
