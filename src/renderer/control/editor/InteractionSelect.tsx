import { type InteractionKind, interactionText } from '../../../shared/domain/interaction';
import type { Programme } from '../../../shared/domain/programme';
import { useT } from '../../lib/i18n';
import type { FieldControlProps } from './Field';

const SHORT = 70;
const short = (s: string) => (s.length > SHORT ? `${s.slice(0, SHORT - 1)}…` : s);

/** The prepared interactions of one kind, by their question or prompt (and id). */
export function InteractionSelect({
  programme,
  kind,
  value,
  emptyLabel,
  onChange,
  control,
}: {
  programme: Programme;
  kind: InteractionKind;
  value: string;
  emptyLabel: string;
  onChange: (id: string) => void;
  control: FieldControlProps;
}) {
  const t = useT();
  const list = (programme.interactions ?? []).filter((i) => i.kind === kind);
  const known = value === '' || list.some((i) => i.id === value);
  return (
    <select {...control} value={value} onChange={(e) => onChange(e.target.value)} data-testid="cue-interaction">
      <option value="">{emptyLabel}</option>
      {!known && <option value={value}>{t('editor.cue.unknownInteraction', { id: value })}</option>}
      {list.map((i) => (
        <option key={i.id} value={i.id}>
          {short(interactionText(i))} ({i.id})
        </option>
      ))}
    </select>
  );
}
