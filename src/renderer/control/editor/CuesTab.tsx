import { useEffect, useRef, useState } from 'react';
import type { Cue } from '../../../shared/domain/cue';
import type { Programme } from '../../../shared/domain/programme';
import { useT } from '../../lib/i18n';
import { sendCommand } from '../../lib/core-client';
import type { Verdict } from './CoreVerdict';
import { draftFromCue, emptyCueDraft } from './cue-draft';
import { type CueEditing, CueForm } from './CueForm';
import { CueList } from './CueList';
import { DayFilter } from './DayFilter';

/**
 * « Répliques »: the cues of the programme, session by session, and the form of the one being
 * written. Adding from a session fills the session in; duplicating keeps everything but the id.
 */
export function CuesTab({ programme, initialDay }: { programme: Programme; initialDay: string | null }) {
  const t = useT();
  const [day, setDay] = useState<string | null>(initialDay);
  const [editing, setEditing] = useState<CueEditing | null>(null);
  const [formKey, setFormKey] = useState(0);
  const [status, setStatus] = useState('');
  const [verdicts, setVerdicts] = useState<Record<string, Verdict>>({});
  const [focusId, setFocusId] = useState<string | null>(null);
  const listRef = useRef<HTMLDivElement>(null);

  // A cue saved or left: its row takes the focus once the programme shows it.
  useEffect(() => {
    if (!focusId) return;
    const row = listRef.current?.querySelector<HTMLElement>(`[data-cue-id="${CSS.escape(focusId)}"]`);
    if (!row) return;
    row.scrollIntoView({ block: 'nearest' });
    row.querySelector<HTMLElement>('[data-testid="ed-cue-edit"]')?.focus();
    setFocusId(null);
  }, [focusId, programme, day]);

  const start = (next: CueEditing) => {
    setEditing(next);
    setFormKey((k) => k + 1);
    setStatus('');
  };
  const firstSession = programme.sessions.find((s) => day === null || s.day === day) ?? programme.sessions[0];
  const add = (sessionId: string) => start({ draft: emptyCueDraft(sessionId), previousId: null });
  const edit = (sessionId: string, cue: Cue) => start({ draft: draftFromCue(sessionId, cue), previousId: cue.id });
  const duplicate = (sessionId: string, cue: Cue) =>
    start({ draft: { ...draftFromCue(sessionId, cue), id: '', idEdited: false }, previousId: null });
  const remove = async (cueId: string) => {
    const r = await sendCommand({ type: 'edit.cue.delete', cueId });
    setVerdicts(({ [cueId]: _old, ...rest }) =>
      r.ok ? rest : { ...rest, [cueId]: { message: r.error.message, issues: r.error.issues ?? [] } },
    );
    if (r.ok) {
      setStatus(t('editor.cue.deleted', { id: cueId }));
      if (editing?.previousId === cueId) setEditing(null);
    }
  };

  return (
    <div className="ed-split">
      <div className="ed-list-pane" ref={listRef}>
        <div className="ed-toolbar">
          <button
            type="button"
            className="btn"
            onClick={() => firstSession && add(firstSession.id)}
            disabled={!firstSession}
            data-testid="ed-cue-new"
          >
            + {t('editor.cue.new')}
          </button>
          <DayFilter programme={programme} day={day} onChange={setDay} />
        </div>
        <p className="ed-status" role="status" data-testid="ed-cue-status">
          {status}
        </p>
        <CueList
          programme={programme}
          day={day}
          selectedId={editing?.previousId ?? null}
          verdicts={verdicts}
          onAdd={add}
          onEdit={edit}
          onDuplicate={duplicate}
          onDelete={remove}
        />
      </div>
      <div className="ed-form-pane">
        {editing ? (
          <CueForm
            key={formKey}
            programme={programme}
            editing={editing}
            onSaved={(id, sessionId) => {
              setEditing(null);
              setStatus(t('editor.cue.saved', { id }));
              const savedDay = programme.sessions.find((s) => s.id === sessionId)?.day;
              if (day !== null && savedDay !== undefined && savedDay !== day) setDay(savedDay);
              setFocusId(id);
            }}
            onCancel={() => {
              setFocusId(editing.previousId);
              setEditing(null);
            }}
          />
        ) : (
          <p className="empty ed-form-empty">{t('editor.cue.pick')}</p>
        )}
      </div>
    </div>
  );
}
