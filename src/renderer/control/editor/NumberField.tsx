import type { ReactNode } from 'react';
import { Field } from './Field';

/** A narrow whole-number field of the editor (kept as typed text: the core judges the value). */
export function NumberField({
  label,
  hint,
  error,
  min,
  max,
  value,
  onChange,
  testId,
}: {
  label: ReactNode;
  hint?: ReactNode;
  error: string | undefined;
  min: number;
  max: number;
  value: string;
  onChange: (value: string) => void;
  testId?: string;
}) {
  return (
    <Field label={label} hint={hint} error={error} className="ed-field-narrow">
      {(props) => (
        <input
          {...props}
          type="number"
          min={min}
          max={max}
          step={1}
          value={value}
          onChange={(e) => onChange(e.target.value)}
          data-testid={testId}
        />
      )}
    </Field>
  );
}
