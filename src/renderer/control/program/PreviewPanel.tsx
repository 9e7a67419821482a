import { useT } from '../../lib/i18n';
import { useRegie } from '../../lib/regie-store';
import { Panel } from '../Panel';
import { SceneComposer } from './SceneComposer';
import { ScenePreview } from './ScenePreview';
import { sceneLabel } from './scene-label';

/** « APERÇU »: the next scene, drawn as the projector will draw it, and the composer that puts one there. */
export function PreviewPanel() {
  const t = useT();
  const preview = useRegie((s) => s.state?.program.preview ?? null);
  return (
    <Panel title={<span className="preview-label">{t('program.preview.label')}</span>} className="monitor-panel monitor-preview" testId="preview-panel">
      <div className="preview-frame" data-testid="preview-monitor" data-scene={preview?.kind ?? 'none'}>
        {preview ? <ScenePreview scene={preview} /> : <p className="preview-empty">{t('program.preview.empty')}</p>}
      </div>
      <p className="monitor-caption" data-testid="preview-caption" title={preview ? sceneLabel(preview, t) : undefined}>
        {preview ? sceneLabel(preview, t) : t('program.preview.none')}
      </p>
      <SceneComposer />
    </Panel>
  );
}
