import { cueActionWords } from '../../lib/cue-words';
import { useT } from '../../lib/i18n';
import { useRegie } from '../../lib/regie-store';
import { useDeskProgram } from '../rooms/use-desk-room';
import { Panel } from '../shell/Panel';
import { sendProgram } from './program-actions';
import { SceneComposer } from './SceneComposer';
import { DeskRoomLabel } from '../rooms/DeskRoomLabel';
import { ScenePreview } from './ScenePreview';
import { sceneLabel } from './scene-label';

/**
 * « APERÇU »: the next scene, drawn as the projector will draw it (and the cue that put it there,
 * if one did), and the composer that puts one there. TAKE empties it: what was on air before is
 * named (« déjà à l'antenne avant ») and comes back only by a deliberate « Remettre en aperçu ».
 */
export function PreviewPanel() {
  const t = useT();
  const program = useDeskProgram();
  const preview = program?.preview ?? null;
  const previewCue = program?.previewCue ?? null;
  const previous = program?.previous ?? null;
  const programme = useRegie((s) => s.state?.programme ?? null);
  const cue = previewCue ? programme?.sessions.flatMap((s) => s.cues ?? []).find((c) => c.id === previewCue) : undefined;
  return (
    <Panel
      title={<span className="preview-label">{t('program.preview.label')}</span>}
      className="monitor-panel monitor-preview"
      testId="preview-panel"
      // Whose screen the bus drives (preview, TAKE, panic): the room the desk drives, in its colour.
      actions={<DeskRoomLabel />}
    >
      <div className="preview-frame" data-testid="preview-monitor" data-scene={preview?.kind ?? 'none'}>
        {preview ? <ScenePreview scene={preview} /> : <p className="preview-empty">{t('program.preview.empty')}</p>}
      </div>
      {preview ? (
        <p className="monitor-caption" data-testid="preview-caption" data-cue-id={previewCue ?? ''} title={sceneLabel(preview, t)}>
          {sceneLabel(preview, t)}
          {cue && <span className="preview-by-cue"> · {t('program.preview.byCue', { cue: cueActionWords(cue.action, programme, t) })}</span>}
        </p>
      ) : previous ? (
        <p className="monitor-caption previous-scene" data-testid="previous-scene" data-scene={previous.kind} title={t('program.previous.hint')}>
          <span className="previous-scene-words">{t('program.previous', { scene: sceneLabel(previous, t) })}</span>
          <button
            type="button"
            className="btn btn-small"
            onClick={() => void sendProgram({ type: 'program.preview', scene: previous })}
            data-testid="previous-to-preview"
          >
            {t('program.previous.toPreview')}
          </button>
        </p>
      ) : (
        <p className="monitor-caption" data-testid="preview-caption">
          {t('program.preview.none')}
        </p>
      )}
      <SceneComposer />
    </Panel>
  );
}
