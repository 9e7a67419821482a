import { type ReactNode, useEffect, useId, useRef } from 'react';

/**
 * A modal question before something the operator cannot take back lightly. Escape or the cancel
 * button (which has the focus, so a stray Enter does nothing harmful) keeps things as they are.
 */
export function ConfirmDialog({
  title,
  children,
  confirmLabel,
  cancelLabel,
  pending,
  onConfirm,
  onCancel,
  className,
  testId,
}: {
  title: ReactNode;
  /** What happens, in a sentence or two. */
  children: ReactNode;
  confirmLabel: ReactNode;
  cancelLabel: ReactNode;
  pending: boolean;
  onConfirm: () => void;
  onCancel: () => void;
  className?: string;
  /** e.g. `unlock-confirm` gives `unlock-confirm`, `unlock-confirm-yes`, `unlock-confirm-no`. */
  testId: string;
}) {
  const titleId = useId();
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
  }, []);
  return (
    <dialog ref={ref} className={`ed-confirm ${className ?? ''}`} aria-labelledby={titleId} onClose={onCancel} data-testid={testId}>
      <h2 id={titleId}>{title}</h2>
      {children}
      <div className="dialog-actions ed-actions">
        <button type="button" className="btn btn-warn" onClick={onConfirm} disabled={pending} data-testid={`${testId}-yes`}>
          {confirmLabel}
        </button>
        <button type="button" className="btn" autoFocus onClick={() => ref.current?.close()} data-testid={`${testId}-no`}>
          {cancelLabel}
        </button>
      </div>
    </dialog>
  );
}
