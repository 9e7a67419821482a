import { type Interaction, interactionText } from '../../../shared/domain/interaction';
import { useT } from '../../lib/i18n';
import { CoreVerdict, type Verdict } from './CoreVerdict';
import { RowActions } from './RowActions';
import { pollTypeKey } from './editor-words';

/** One poll or word cloud in the editor's list: kind and type, question, id, the cues that use it; edit, delete. */
export function InteractionRow({
  interaction,
  usedBy,
  selected,
  verdict,
  onEdit,
  onDelete,
}: {
  interaction: Interaction;
  usedBy: string[];
  selected: boolean;
  verdict: Verdict | null;
  onEdit: () => void;
  onDelete: () => Promise<unknown>;
}) {
  const t = useT();
  const text = interactionText(interaction);
  const kind = interaction.kind === 'poll' ? `${t('editor.kind.poll')} · ${t(pollTypeKey(interaction.type))}` : t('editor.kind.wordcloud');
  return (
    <li
      className={selected ? 'ed-interaction ed-selected' : 'ed-interaction'}
      data-testid="ed-interaction-row"
      data-interaction-id={interaction.id}
      aria-current={selected ? 'true' : undefined}
    >
      <div className="ed-interaction-main">
        <span className={`ed-kind ed-kind-${interaction.kind}`}>{kind}</span>
        <span className="ed-interaction-text" title={text}>
          {text}
        </span>
        <span className="ed-cue-meta">
          <code className="ed-code">{interaction.id}</code>
          <span data-testid="ed-interaction-usage">
            {usedBy.length === 0
              ? t('editor.interaction.unused')
              : usedBy.length === 1
                ? t('editor.interaction.usedByOne')
                : t('editor.interaction.usedByCount', { count: usedBy.length })}
          </span>
        </span>
        <CoreVerdict verdict={verdict} />
      </div>
      <RowActions
        labels={{
          edit: t('editor.interaction.editLabel', { id: interaction.id }),
          delete: t('editor.interaction.deleteLabel', { id: interaction.id }),
        }}
        onEdit={onEdit}

        onDelete={onDelete}
        testIdPrefix="ed-interaction"
      />
    </li>
  );
}
