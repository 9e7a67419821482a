import type { ReactNode } from 'react';
import { Field } from './Field';

/** A text field of the editor: one line, or a few (`rows`) for a question or a prompt. */
export function TextField({
  label,
  error,
  maxLength,
  value,
  onChange,
  rows,
  placeholder,
  testId,
}: {
  label: ReactNode;
  error: string | undefined;
  maxLength: number;
  value: string;
  onChange: (value: string) => void;
  rows?: number;
  placeholder?: string;
  testId?: string;
}) {
  return (
    <Field label={label} error={error}>
      {(props) =>
        rows ? (
          <textarea
            {...props}
            rows={rows}
            maxLength={maxLength}
            value={value}
            onChange={(e) => onChange(e.target.value)}
            data-testid={testId}
          />
        ) : (
          <input
            {...props}
            type="text"
            maxLength={maxLength}
            placeholder={placeholder}
            value={value}
            onChange={(e) => onChange(e.target.value)}
            data-testid={testId}
          />
        )
      }
    </Field>
  );
}
