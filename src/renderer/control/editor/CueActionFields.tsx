import { useId } from 'react';
import { sceneNames } from '../../../shared/domain/cue';
import type { Programme } from '../../../shared/domain/programme';
import { useT } from '../../lib/i18n';
import { type CueDraft, editorActionTypes, interactionKindOf, textScenes } from './cue-draft';
import { actionTypeKey, sceneKey } from './editor-words';
import { errorFor, type FieldErrors } from './field-errors';
import { Field } from './Field';
import { InteractionSelect } from './InteractionSelect';

type ActionDraft = Pick<CueDraft, 'actionType' | 'interaction' | 'scene' | 'sceneText' | 'note' | 'straightToAir'>;

/**
 * What the cue does, and that action's own fields: the interaction (of the right kind), the scene,
 * its text and where it goes (the preview, or straight to air), the note.
 */
export function CueActionFields({
  draft,
  programme,
  errors,
  onChange,
}: {
  draft: ActionDraft;
  programme: Programme;
  errors: FieldErrors;
  onChange: (patch: Partial<ActionDraft>) => void;
}) {
  const t = useT();
  const airId = useId();
  const kind = interactionKindOf(draft.actionType, draft.scene);
  const kindOf = (id: string) => programme.interactions?.find((i) => i.id === id)?.kind;
  // Another kind of interaction is needed: the one chosen no longer fits.
  const keepInteraction = (patch: Partial<ActionDraft>): Partial<ActionDraft> => {
    const next = { ...draft, ...patch };
    const nextKind = interactionKindOf(next.actionType, next.scene);
    return nextKind && kindOf(next.interaction) === nextKind ? patch : { ...patch, interaction: '' };
  };
  const sceneHasInteraction = draft.actionType === 'scene' && kind !== null;
  return (
    <>
      <Field label={t('editor.cue.action')} error={errorFor(errors, 'action.type')}>
        {(props) => (
          <select
            {...props}
            value={draft.actionType}
            onChange={(e) => {
              const actionType = editorActionTypes.find((a) => a === e.target.value);
              if (actionType) onChange(keepInteraction({ actionType }));
            }}
            data-testid="cue-action"
          >
            {editorActionTypes.map((a) => (
              <option key={a} value={a}>
                {t(actionTypeKey(a))}
              </option>
            ))}
          </select>
        )}
      </Field>
      {draft.actionType === 'scene' && (
        <Field label={t('editor.cue.scene')} error={errorFor(errors, 'action.scene')}>
          {(props) => (
            <select
              {...props}
              value={draft.scene}
              onChange={(e) => {
                const scene = sceneNames.find((x) => x === e.target.value);
                if (scene) onChange(keepInteraction({ scene }));
              }}
              data-testid="cue-scene"
            >
              {sceneNames.map((s) => (
                <option key={s} value={s}>
                  {t(sceneKey(s))}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
      {kind && (
        <Field
          label={kind === 'poll' ? t('editor.cue.poll') : t('editor.cue.wordcloud')}
          error={errorFor(errors, 'action.interaction')}
          hint={(programme.interactions ?? []).some((i) => i.kind === kind) ? undefined : t('editor.cue.noInteraction')}
        >
          {(props) => (
            <InteractionSelect
              control={props}
              programme={programme}
              kind={kind}
              value={draft.interaction}
              emptyLabel={sceneHasInteraction ? t('editor.cue.currentInteraction') : t('editor.cue.chooseInteraction')}
              onChange={(interaction) => onChange({ interaction })}
            />
          )}
        </Field>
      )}
      {draft.actionType === 'scene' && textScenes.includes(draft.scene) && (
        <Field
          label={draft.scene === 'message' ? t('editor.cue.message') : t('editor.cue.caption')}
          error={errorFor(errors, 'action.text')}
        >
          {(props) => (
            <input
              {...props}
              type="text"
              maxLength={500}
              value={draft.sceneText}
              onChange={(e) => onChange({ sceneText: e.target.value })}
              data-testid="cue-scene-text"
            />
          )}
        </Field>
      )}
      {draft.actionType === 'scene' && (
        <div className="ed-check">
          <input
            id={airId}
            type="checkbox"
            checked={draft.straightToAir}
            onChange={(e) => onChange({ straightToAir: e.target.checked })}
            aria-describedby={`${airId}-hint`}
            data-testid="cue-straight-to-air"
          />
          <label htmlFor={airId}>{t('editor.cue.straightToAir')}</label>
          <p className="ed-hint" id={`${airId}-hint`}>
            {t('editor.cue.straightToAirHint')}
          </p>
        </div>
      )}
      {draft.actionType === 'note' && (
        <Field label={t('editor.cue.note')} error={errorFor(errors, 'action.note')}>
          {(props) => (
            <textarea
              {...props}
              rows={2}
              maxLength={1000}
              value={draft.note}
              onChange={(e) => onChange({ note: e.target.value })}
              data-testid="cue-note"
            />
          )}
        </Field>
      )}
    </>
  );
}
