import type { ReactNode } from 'react';
import { useT } from '../../lib/i18n';
import { Field } from './Field';
import { idAsTyped } from './slug';

/**
 * The id of a cue or an interaction: suggested from its content until the operator types one,
 * then theirs (with a way back to the suggestion while the item is still new).
 */
export function IdField({
  label,
  hint,
  error,
  value,
  edited,
  canReset,
  onChange,
  testId,
}: {
  label: ReactNode;
  hint: ReactNode;
  error: string | undefined;
  value: string;
  edited: boolean;
  /** Only a new item may go back to the suggested id (a saved one is renamed explicitly). */
  canReset: boolean;
  onChange: (patch: { id?: string; idEdited: boolean }) => void;
  testId: string;
}) {
  const t = useT();
  return (
    <Field label={label} hint={hint} error={error}>
      {(props) => (
        <div className="ed-id-line">
          <input
            {...props}
            type="text"
            className="ed-input-id"
            spellCheck={false}
            autoComplete="off"
            value={value}
            onChange={(e) => onChange({ id: idAsTyped(e.target.value), idEdited: true })}
            data-testid={testId}
          />
          {edited && canReset && (
            <button type="button" className="btn btn-small btn-ghost" onClick={() => onChange({ idEdited: false })}>
              {t('editor.idReset')}
            </button>
          )}
        </div>
      )}
    </Field>
  );
}
