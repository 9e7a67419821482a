import { useEffect, useRef, useState } from 'react';
import type { InteractionKind } from '../../../shared/domain/interaction';
import type { Programme } from '../../../shared/domain/programme';
import { sendCommand } from '../../lib/core-client';
import { useT } from '../../lib/i18n';
import type { Verdict } from './CoreVerdict';
import { draftFromInteraction, emptyInteractionDraft } from './interaction-draft';
import { type InteractionEditing, InteractionForm } from './InteractionForm';
import { InteractionRow } from './InteractionRow';
import { cuesUsing } from './interaction-usage';

/**
 * « Sondages et nuages »: the prepared interactions and the form of the one being written. A
 * deletion the core refuses (a cue still uses it) says so on the interaction's row.
 */
export function InteractionsTab({ programme }: { programme: Programme }) {
  const t = useT();
  const [editing, setEditing] = useState<InteractionEditing | null>(null);
  const [formKey, setFormKey] = useState(0);
  const [status, setStatus] = useState('');
  const [verdicts, setVerdicts] = useState<Record<string, Verdict>>({});
  const [focusId, setFocusId] = useState<string | null>(null);
  const listRef = useRef<HTMLDivElement>(null);
  const list = programme.interactions ?? [];

  useEffect(() => {
    if (!focusId) return;
    const row = listRef.current?.querySelector<HTMLElement>(`[data-interaction-id="${CSS.escape(focusId)}"]`);
    if (!row) return;
    row.scrollIntoView({ block: 'nearest' });
    row.querySelector<HTMLElement>('[data-testid="ed-interaction-edit"]')?.focus();
    setFocusId(null);
  }, [focusId, programme]);

  const start = (next: InteractionEditing) => {
    setEditing(next);
    setFormKey((k) => k + 1);
    setStatus('');
  };
  const create = (kind: InteractionKind) => start({ draft: emptyInteractionDraft(kind), previousId: null });
  const remove = async (id: string) => {
    const r = await sendCommand({ type: 'edit.interaction.delete', interactionId: id });
    setVerdicts(({ [id]: _old, ...rest }) => (r.ok ? rest : { ...rest, [id]: { message: r.error.message, issues: r.error.issues ?? [] } }));
    if (r.ok) {
      setStatus(t('editor.interaction.deleted', { id }));
      if (editing?.previousId === id) setEditing(null);
    }
  };

  return (
    <div className="ed-split">
      <div className="ed-list-pane" ref={listRef}>
        <div className="ed-toolbar">
          <button type="button" className="btn" onClick={() => create('poll')} data-testid="ed-new-poll">
            + {t('editor.poll.new')}
          </button>
          <button type="button" className="btn" onClick={() => create('wordcloud')} data-testid="ed-new-wordcloud">
            + {t('editor.cloud.new')}
          </button>
        </div>
        <p className="ed-status" role="status" data-testid="ed-interaction-status">
          {status}
        </p>
        {list.length === 0 ? (
          <p className="empty">{t('editor.interaction.none')}</p>
        ) : (
          <ul className="ed-interactions">
            {list.map((i) => (
              <InteractionRow
                key={i.id}
                interaction={i}
                usedBy={cuesUsing(programme, i.id)}
                selected={editing?.previousId === i.id}
                verdict={verdicts[i.id] ?? null}
                onEdit={() => start({ draft: draftFromInteraction(i), previousId: i.id })}
                onDelete={() => remove(i.id)}
              />
            ))}
          </ul>
        )}
      </div>
      <div className="ed-form-pane">
        {editing ? (
          <InteractionForm
            key={formKey}
            programme={programme}
            editing={editing}
            onSaved={(id) => {
              // A renamed interaction: a refusal shown under its old id is no longer current.
              const before = editing.previousId;
              if (before) setVerdicts(({ [before]: _old, ...rest }) => rest);
              setEditing(null);
              setStatus(t('editor.interaction.saved', { id }));
              setFocusId(id);
            }}
            onCancel={() => {
              setFocusId(editing.previousId);
              setEditing(null);
            }}
          />
        ) : (
          <p className="empty ed-form-empty">{t('editor.interaction.pick')}</p>
        )}
      </div>
    </div>
  );
}
