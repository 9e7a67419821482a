import { type FormEvent, useEffect, useState } from 'react';
import type { Scene } from '../../../shared/domain/scene';
import { interactionText } from '../../../shared/domain/interaction';
import { zonedToEpoch } from '../../../shared/domain/zoned-time';
import { useT } from '../../lib/i18n';
import { eventDate } from '../../lib/programme-view';
import { useRegie } from '../../lib/regie-store';
import { useRunOfShow } from '../../lib/use-run-of-show';
import { showTime } from '../../lib/use-show-clock';
import { sendProgram } from './program-actions';

type Form = 'message' | 'countdown' | 'interaction' | null;

/** Puts a scene in preview: one click for the simple ones, a small form for a message, a countdown, a poll. */
export function SceneComposer() {
  const t = useT();
  const { programme } = useRunOfShow();
  const [form, setForm] = useState<Form>(null);
  const [title, setTitle] = useState('');
  const [text, setText] = useState('');
  const [time, setTime] = useState('');
  const [caption, setCaption] = useState('');
  const interactions = programme?.interactions ?? [];
  const [interactionId, setInteractionId] = useState('');

  // Escape closes the open form (and only that: the desk's panic waits while a form is open).
  useEffect(() => {
    if (!form) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && !e.defaultPrevented && !document.querySelector('dialog[open]')) setForm(null);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [form]);

  const preview = async (scene: Scene) => {
    const r = await sendProgram({ type: 'program.preview', scene });
    if (r.ok) setForm(null);
  };
  const toggle = (f: Form) => setForm((x) => (x === f ? null : f));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (form === 'message') {
      void preview({ kind: 'message', text: text.trim(), ...(title.trim() ? { title: title.trim() } : {}) });
    } else if (form === 'countdown' && programme) {
      const { state, serverOffsetMs } = useRegie.getState();
      const date = eventDate(programme, showTime(state?.clock, serverOffsetMs));
      const until = zonedToEpoch({ date, time }, programme.event.timeZone);
      void preview({ kind: 'countdown', until, ...(caption.trim() ? { caption: caption.trim() } : {}) });
    } else if (form === 'interaction') {
      const i = interactions.find((x) => x.id === (interactionId || interactions[0]?.id));
      if (i) void preview({ kind: i.kind, interactionId: i.id });
    }
  };

  return (
    <div className="composer" data-testid="scene-composer">
      <div className="composer-buttons" role="group" aria-label={t('program.compose')}>
        <button type="button" className="btn btn-small" data-testid="compose-holding" onClick={() => void preview({ kind: 'holding' })}>
          {t('program.kind.holding')}
        </button>
        <button type="button" className="btn btn-small" data-testid="compose-join" onClick={() => void preview({ kind: 'join' })}>
          {t('program.kind.join')}
        </button>
        <button type="button" className="btn btn-small" aria-expanded={form === 'message'} data-testid="compose-message" onClick={() => toggle('message')}>
          {t('program.compose.message')}
        </button>
        <button type="button" className="btn btn-small" aria-expanded={form === 'countdown'} data-testid="compose-countdown" onClick={() => toggle('countdown')}>
          {t('program.compose.countdown')}
        </button>
        <button
          type="button"
          className="btn btn-small"
          aria-expanded={form === 'interaction'}
          disabled={interactions.length === 0}
          data-testid="compose-interaction"
          onClick={() => toggle('interaction')}
        >
          {t('program.compose.interaction')}
        </button>
        <button type="button" className="btn btn-small" data-testid="compose-black" onClick={() => void preview({ kind: 'black' })}>
          {t('program.kind.black')}
        </button>
      </div>
      {form && (
        <form className="composer-form" onSubmit={submit} data-testid={`composer-${form}`}>
          {form === 'message' && (
            <>
              <label>
                {t('program.field.title')}
                <input type="text" value={title} maxLength={120} onChange={(e) => setTitle(e.target.value)} data-testid="compose-title" autoFocus />
              </label>
              <label>
                {t('program.field.text')}
                <input type="text" value={text} maxLength={500} required onChange={(e) => setText(e.target.value)} data-testid="compose-text" />
              </label>
            </>
          )}
          {form === 'countdown' && (
            <>
              <label>
                {t('program.field.until')}
                <input type="time" value={time} required onChange={(e) => setTime(e.target.value)} data-testid="countdown-time" autoFocus />
              </label>
              <label>
                {t('program.field.caption')}
                <input type="text" value={caption} maxLength={120} onChange={(e) => setCaption(e.target.value)} data-testid="countdown-caption" />
              </label>
            </>
          )}
          {form === 'interaction' && (
            <label>
              {t('program.field.interaction')}
              <select value={interactionId || interactions[0]?.id} onChange={(e) => setInteractionId(e.target.value)} data-testid="interaction-select" autoFocus>
                {interactions.map((i) => (
                  <option key={i.id} value={i.id}>
                    {t(i.kind === 'poll' ? 'program.kind.poll' : 'program.kind.wordcloud')} — {interactionText(i)}
                  </option>
                ))}
              </select>
            </label>
          )}
          <div className="composer-actions">
            <button type="submit" className="btn btn-small btn-warn" data-testid="composer-submit">
              {t('program.toPreview')}
            </button>
            <button type="button" className="btn btn-small btn-ghost" onClick={() => setForm(null)}>
              {t('program.cancel')}
            </button>
          </div>
        </form>
      )}
    </div>
  );
}
