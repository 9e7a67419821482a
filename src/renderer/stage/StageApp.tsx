import { useMemo } from 'react';
import type { AudienceQuestion } from '../../shared/api/state';
import { shortlist } from '../../shared/domain/question-queue';
import { tFr } from '../lib/i18n';
import { useRegie } from '../lib/regie-store';
import { useProgram, useStageMessage } from '../lib/view-room';
import { useShowClock } from '../lib/use-show-clock';
import { StageClock } from './StageClock';
import { StageMessage } from './StageMessage';
import { StageOnAir } from './StageOnAir';
import { StageShortlist } from './StageShortlist';

const NONE: AudienceQuestion[] = [];

/**
 * The facilitator's tablet on stage: the régie's message on top, the session clock, what the
 * projector shows now (a question on air in full), and the shortlist in the moderators' order, the
 * question on air marked. Read-only, dark and calm; French. Every status comes from the core: this
 * seat gets the scene on air and the shortlisted questions that could be projected, nothing else.
 */
export function StageApp() {
  const connection = useRegie((s) => s.connection);
  const hasState = useRegie((s) => s.state !== null);
  const questions = useRegie((s) => s.state?.audience.questions) ?? NONE;
  // This tablet's room (`?room=`): its screen and the régie's message to its stage.
  const program = useProgram();
  const onAir = program?.onAir ?? null;
  const panicFrom = program?.panicFrom ?? null;
  const programme = useRegie((s) => s.state?.programme ?? null);
  const onAirId = onAir?.kind === 'question' ? onAir.questionId : null;
  const message = useStageMessage();
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
        <>
          {onAir && <StageOnAir onAir={onAir} panicFrom={panicFrom} programme={programme} />}
          <StageShortlist questions={list} onAirId={onAirId} />
        </>
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
