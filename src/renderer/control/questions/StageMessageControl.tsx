import { useState } from 'react';
import { displayText } from '../../../shared/domain/question-display';
import { useT } from '../../lib/i18n';
import { useRegie } from '../../lib/regie-store';
import { sendStageMessage } from './question-actions';

/** « Message à la scène »: a line on the facilitator's tablet (« Plus que 5 minutes »), sent or cleared from here. */
export function StageMessageControl() {
  const t = useT();
  const current = useRegie((s) => s.state?.stageMessage ?? null);
  const [text, setText] = useState('');
  /** Sent: the field is emptied and let go, so that the desk's keys work again. */
  const send = async (field?: HTMLInputElement) => {
    if (text.trim() === '') return;
    if (await sendStageMessage(text.trim())) {
      setText('');
      field?.blur();
    }
  };
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
    </div>
  );
}
