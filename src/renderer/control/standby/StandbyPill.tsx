import { useT } from '../../lib/i18n';
import { useRegie } from '../../lib/regie-store';
import { standbyPill } from '../../lib/standby-words';

/** The primary's top bar: is there a standby, and how far behind is it. */
export function StandbyPill() {
  const t = useT();
  const standby = useRegie((s) => s.status?.standby);
  const pill = standby ? standbyPill(standby, t) : null;
  if (!pill || !standby) return null;
  return (
    <div
      className={`standby-pill standby-${pill.tone}`}
      data-testid="standby-pill"
      data-state={standby.state}
      role="status"
      title={t('standby.hint')}
    >
      {pill.text}
    </div>
  );
}
