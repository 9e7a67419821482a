import { type ReactNode, useId } from 'react';

export interface FieldControlProps {
  id: string;
  'aria-describedby'?: string;
  'aria-invalid'?: true;
}

/**
 * A labelled field of the editor: label, control, hint and error, tied together for screen
 * readers (the control gets its id, the hint and the error as its description).
 */
export function Field({
  label,
  hint,
  error,
  className,
  children,
}: {
  label: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  className?: string;
  children: (props: FieldControlProps) => ReactNode;
}) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const described = [hint ? hintId : null, error ? errorId : null].filter((x) => x !== null).join(' ');
  return (
    <div className={`ed-field ${className ?? ''}`}>
      <label className="ed-label" htmlFor={id}>
        {label}
      </label>
      {children({ id, ...(described ? { 'aria-describedby': described } : {}), ...(error ? { 'aria-invalid': true as const } : {}) })}
      {hint && (
        <p className="ed-hint" id={hintId}>
          {hint}
        </p>
      )}
      {error && (
        <p className="ed-error" id={errorId} data-testid="field-error">
          {error}
        </p>
      )}
    </div>
  );
}
