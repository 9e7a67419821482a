import { useId, useRef } from 'react';
import { useT } from '../../lib/i18n';
import { errorFor, type FieldErrors } from './field-errors';
import { MAX_OPTIONS, moveOption } from './interaction-draft';

/**
 * A poll's options: one field each, moved up or down, removed, added (ten at most). Moving keeps
 * the focus on the option's button at its new place.
 */
export function OptionsEditor({
  options,
  errors,
  onChange,
}: {
  options: string[];
  errors: FieldErrors;
  onChange: (options: string[]) => void;
}) {
  const t = useT();
  const id = useId();
  const listRef = useRef<HTMLOListElement>(null);
  // The first of `selectors` that can take the focus (a disabled button cannot), after React renders.
  const focusLater = (...selectors: string[]) =>
    requestAnimationFrame(() => {
      for (const s of selectors) {
        const el = listRef.current?.querySelector<HTMLInputElement | HTMLButtonElement>(s);
        if (el && !el.disabled) return el.focus();
      }
    });
  const move = (i: number, delta: -1 | 1) => {
    onChange(moveOption(options, i, delta));
    const to = i + delta;
    focusLater(`button[data-option="${to}"][data-move="${delta}"]`, `button[data-option="${to}"][data-move="${-delta}"]`);
  };
  const remove = (i: number) => {
    onChange(options.filter((_, k) => k !== i));
    focusLater(`input[data-option="${Math.max(0, i - 1)}"]`);
  };
  const add = () => {
    onChange([...options, '']);
    focusLater(`input[data-option="${options.length}"]`);
  };
  const listError = errors.options;
  return (
    <fieldset className="ed-group ed-options" aria-describedby={listError ? `${id}-error` : undefined}>
      <legend className="ed-label">{t('editor.poll.options')}</legend>
      <ol className="ed-option-list" ref={listRef}>
        {options.map((o, i) => {
          const n = i + 1;
          const error = errorFor(errors, `options.${i}`);
          return (
            <li key={i} className="ed-option">
              <label htmlFor={`${id}-${i}`} className="ed-option-n">
                <span className="visually-hidden">{t('editor.poll.option', { n })}</span>
                <span aria-hidden="true">{n}.</span>
              </label>
              <input
                id={`${id}-${i}`}
                type="text"
                maxLength={120}
                value={o}
                onChange={(e) => onChange(options.map((x, k) => (k === i ? e.target.value : x)))}
                aria-invalid={error ? true : undefined}
                aria-describedby={error ? `${id}-${i}-error` : undefined}
                data-option={i}
                data-testid="poll-option"
              />
              <button
                type="button"
                className="btn btn-small btn-ghost"
                disabled={i === 0}
                onClick={() => move(i, -1)}
                aria-label={t('editor.poll.optionUp', { n })}
                data-option={i}
                data-move="-1"
              >
                ↑
              </button>
              <button
                type="button"
                className="btn btn-small btn-ghost"
                disabled={i === options.length - 1}
                onClick={() => move(i, 1)}
                aria-label={t('editor.poll.optionDown', { n })}
                data-option={i}
                data-move="1"
              >
                ↓
              </button>
              <button
                type="button"
                className="btn btn-small btn-ghost"
                onClick={() => remove(i)}
                aria-label={t('editor.poll.optionRemove', { n })}
                data-testid="poll-option-remove"
              >
                ✕
              </button>
              {error && (
                <p className="ed-error" id={`${id}-${i}-error`}>
                  {error}
                </p>
              )}
            </li>
          );
        })}
      </ol>
      <button type="button" className="btn btn-small" onClick={add} disabled={options.length >= MAX_OPTIONS} data-testid="poll-option-add">
        + {t('editor.poll.optionAdd')}
      </button>
      {listError && (
        <p className="ed-error" id={`${id}-error`} data-testid="field-error">
          {listError}
        </p>
      )}
    </fieldset>
  );
}
