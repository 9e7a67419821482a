import { useState } from 'react';
import { displayText } from '../../../shared/domain/question-display';
import { useT } from '../../lib/i18n';
import { useDeskStageMessage } from '../rooms/use-desk-room';
import { sendStageMessage } from './question-actions';

/**
 * « Message à la scène »: a line on the facilitator's tablet (« Plus que 5 minutes »), sent or
 * cleared from here. A message holding personal data (a name, a phone number) comes back with the
 * reasons: « Envoyer quand même » sends it (it shows on the stage tablet only), or the moderator
 * rewrites it.
 */
export function StageMessageControl() {
  const t = useT();
  const current = useDeskStageMessage();
  const [text, setText] = useState('');
  /** The reasons the core gave for the text as it is now; null: nothing to confirm. */
  const [toConfirm, setToConfirm] = useState<{ text: string; reasons: string[] } | null>(null);
  /** Sent: the field is emptied and let go, so that the desk's keys work again. */
  const send = async (field?: HTMLElement | null, confirmed = false) => {
    const message = text.trim();
    if (message === '') return;
    const r = await sendStageMessage(message, confirmed);
    if (r.ok) {
      setText('');
      setToConfirm(null);
      field?.blur();
    } else if (r.confirm) setToConfirm({ text: message, reasons: r.confirm });
  };
  const pending = toConfirm !== null && toConfirm.text === text.trim() ? toConfirm : null;
  return (
    <div className="qstage" data-testid="stage-message-control">
      <label className="qstage-label" htmlFor="qstage-input">
        {t('questions.stageMessage')}
      </label>
      {current ? (
        <span className="qstage-current" dir="auto" data-testid="stage-message-current" title={current.text}>
          {displayText(current.text)}
        </span>
      ) : (
        <span className="muted small qstage-none">{t('questions.stageMessageNone')}</span>
      )}
      <input
        id="qstage-input"
        type="text"
        value={text}
        maxLength={300}
        placeholder={t('questions.stageMessagePlaceholder')}
        data-testid="stage-message-input"
        onChange={(e) => setText(e.target.value)}
        aria-describedby={pending ? 'qstage-confirm' : undefined}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            void send(e.currentTarget);
          } else if (e.key === 'Escape') {
            e.currentTarget.blur();
          }
        }}
      />
      <button type="button" className="btn" disabled={text.trim() === ''} onClick={() => void send()} data-testid="stage-message-send">
        {t('questions.stageMessageSend')}
      </button>
      <button type="button" className="btn btn-ghost" disabled={!current} onClick={() => void sendStageMessage(null)} data-testid="stage-message-clear">
        {t('questions.stageMessageClear')}
      </button>
      {pending && (
        <div className="qstage-confirm" id="qstage-confirm" role="alert" data-testid="stage-message-confirm">
          <span>{t('questions.stageMessageFound')}</span>
          <ul className="qstage-reasons">
            {pending.reasons.map((r) => (
              <li key={r}>{r}</li>
            ))}
          </ul>
          <button type="button" className="btn btn-warn" onClick={(e) => void send(e.currentTarget, true)} data-testid="stage-message-send-anyway">
            {t('questions.stageMessageConfirm')}
          </button>
          <button type="button" className="btn btn-ghost" onClick={() => (setToConfirm(null), document.getElementById('qstage-input')?.focus())} data-testid="stage-message-review">
            {t('questions.stageMessageCancel')}
          </button>
        </div>
      )}
    </div>
  );
}
