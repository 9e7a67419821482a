import type { SessionKind } from '../../../shared/domain/programme';
import { useT } from '../../lib/i18n';
import { kindKey } from '../../lib/programme-view';

/** The kind of a session: a colour and always its name (never colour alone). */
export function KindBadge({ kind }: { kind: SessionKind }) {
  const t = useT();
  return <span className={`kind-badge kind-${kind}`}>{t(kindKey(kind))}</span>;
}
