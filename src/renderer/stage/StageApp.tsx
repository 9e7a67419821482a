import { useMemo } from 'react';
import type { AudienceQuestion } from '../../shared/api/state';
import { shortlist } from '../../shared/domain/question-queue';
import { tFr } from '../lib/i18n';
import { useRegie } from '../lib/regie-store';
import { useShowClock } from '../lib/use-show-clock';
import { StageClock } from './StageClock';
import { StageMessage } from './StageMessage';
import { StageShortlist } from './StageShortlist';

const NONE: AudienceQuestion[] = [];

/** The question a scene shows (read loosely: the question scene joins the scene schema in parallel). */
function sceneQuestionId(scene: unknown): string | null {
  if (typeof scene !== 'object' || scene === null) return null;
  const s = scene as { kind?: unknown; questionId?: unknown };
  return s.kind === 'question' && typeof s.questionId === 'string' ? s.questionId : null;
}

/**
 * The facilitator's tablet on stage: the régie's message on top, the session clock, and the
 * shortlist in the moderators' order, the question on air marked. Read-only, dark and calm;
 * French. The core sends this seat only the shortlisted questions that could be projected.
 */
export function StageApp() {
  const connection = useRegie((s) => s.connection);
  const hasState = useRegie((s) => s.state !== null);
  const questions = useRegie((s) => s.state?.audience.questions) ?? NONE;
  const onAirId = useRegie((s) => sceneQuestionId(s.state?.program.onAir));
  const message = useRegie((s) => s.state?.stageMessage ?? null);
  const now = useShowClock();
  const list = useMemo(() => shortlist(questions), [questions]);

  return (
    <div className="stage" data-testid="stage" data-connection={connection}>
      {message && <StageMessage text={message.text} />}
      <StageClock now={now} />
      {!hasState ? (
        <p className="stage-waiting" data-testid="stage-waiting">
          {connection === 'refused' ? tFr('token.refused.title') : tFr('connection.connecting')}
        </p>
      ) : (
        <StageShortlist questions={list} onAirId={onAirId} />
      )}
      {hasState && connection !== 'online' && (
        <p className="stage-offline" role="status" data-testid="stage-offline">
          {tFr('stage.offline')}
        </p>
      )}
      <span className="stage-link" data-testid="connection-state" data-state={connection} aria-hidden="true" />
    </div>
  );
}
