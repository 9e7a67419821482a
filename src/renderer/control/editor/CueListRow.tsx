import type { Cue } from '../../../shared/domain/cue';
import type { Programme, Session } from '../../../shared/domain/programme';
import { cueActionWords } from '../../lib/cue-words';
import { useT } from '../../lib/i18n';
import { CoreVerdict, type Verdict } from './CoreVerdict';
import { plannedClock } from './cue-draft';
import { RowActions } from './RowActions';

/** One cue in the editor's list: planned time (and offset), what it does, how it runs; edit, duplicate, delete. */
export function CueListRow({
  programme,
  session,
  cue,
  selected,
  verdict,
  onEdit,
  onDuplicate,
  onDelete,
}: {
  programme: Programme;
  session: Session;
  cue: Cue;
  selected: boolean;
  verdict: Verdict | null;
  onEdit: () => void;
  onDuplicate: () => void;
  onDelete: () => Promise<unknown>;
}) {
  const t = useT();
  const words = cueActionWords(cue.action, programme, t);
  const interaction = 'interaction' in cue.action ? cue.action.interaction : undefined;
  return (
    <li
      className={selected ? 'ed-cue ed-selected' : 'ed-cue'}
      data-testid="ed-cue-row"
      data-cue-id={cue.id}
      aria-current={selected ? 'true' : undefined}
    >
      <div className="ed-cue-time">
        <span className="ed-cue-clock">{plannedClock(session.start, cue.at)}</span>
        {'offset' in cue.at && <span className="ed-cue-offset">{cue.at.offset}</span>}
      </div>
      <div className="ed-cue-main">
        <span className="ed-cue-words" title={words}>
          {words}
        </span>
        <span className="ed-cue-meta">
          <code className="ed-code">{cue.id}</code>
          <span className={`ed-mode ed-mode-${cue.mode}`}>{cue.mode === 'auto' ? t('cues.modeAuto') : t('cues.modeManual')}</span>
          {cue.preWaitSeconds !== undefined && <span>{t('cues.preWait', { seconds: cue.preWaitSeconds })}</span>}
          {cue.autoContinue && <span>{t('cues.autoContinue')}</span>}
          {cue.action.type === 'scene' && (
            <span className={cue.action.straightToAir ? 'ed-cue-air' : undefined} data-testid="ed-cue-destination">
              {t(cue.action.straightToAir ? 'cues.trait.toAir' : 'cues.trait.toPreview')}
            </span>
          )}
          {interaction && (
            <span className="ed-cue-interaction" data-testid="ed-cue-interaction">
              → <code className="ed-code">{interaction}</code>
            </span>
          )}
        </span>
        {cue.notes && <span className="ed-cue-notes">{cue.notes}</span>}
        <CoreVerdict verdict={verdict} />
      </div>
      <RowActions
        labels={{
          edit: t('editor.cue.editLabel', { id: cue.id }),
          duplicate: t('editor.cue.duplicateLabel', { id: cue.id }),
          delete: t('editor.cue.deleteLabel', { id: cue.id }),
        }}
        onEdit={onEdit}
        onDuplicate={onDuplicate}
        onDelete={onDelete}
        testIdPrefix="ed-cue"
      />
    </li>
  );
}
