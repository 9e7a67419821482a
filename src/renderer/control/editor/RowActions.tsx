import { useT } from '../../lib/i18n';
import { DeleteButton } from './DeleteButton';

/** The buttons at the end of an editor row: edit, duplicate (where it makes sense), delete. */
export function RowActions({
  labels,
  onEdit,
  onDuplicate,
  onDelete,
  testIdPrefix,
}: {
  /** What each button says to a screen reader, naming the item. */
  labels: { edit: string; duplicate?: string; delete: string };
  onEdit: () => void;
  onDuplicate?: () => void;
  onDelete: () => Promise<unknown>;
  /** e.g. `ed-cue` gives `ed-cue-edit`, `ed-cue-duplicate`, `ed-cue-delete`. */
  testIdPrefix: string;
}) {
  const t = useT();
  return (
    <div className="ed-row-actions">
      <button type="button" className="btn btn-small" onClick={onEdit} aria-label={labels.edit} data-testid={`${testIdPrefix}-edit`}>
        {t('editor.edit')}
      </button>
      {onDuplicate && (
        <button
          type="button"
          className="btn btn-small btn-ghost"
          onClick={onDuplicate}
          aria-label={labels.duplicate}
          data-testid={`${testIdPrefix}-duplicate`}
        >
          {t('editor.duplicate')}
        </button>
      )}
      <DeleteButton label={labels.delete} onDelete={onDelete} testId={`${testIdPrefix}-delete`} />
    </div>
  );
}
