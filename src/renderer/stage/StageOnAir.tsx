import { frenchTypography, formatClockFr } from '../../shared/domain/french-typography';
import { interactionText } from '../../shared/domain/interaction';
import type { Programme } from '../../shared/domain/programme';
import type { Scene } from '../../shared/domain/scene';
import { displayText } from '../../shared/domain/question-display';
import { tFr } from '../lib/i18n';

/** What a scene shows, in French words for the facilitator (a question is drawn apart). */
export function sceneWords(scene: Scene, programme: Programme | null): string {
  const tz = programme?.event.timeZone ?? 'Europe/Paris';
  const interaction = (id: string) => {
    const i = programme?.interactions?.find((x) => x.id === id);
    return i ? interactionText(i) : id;
  };
  switch (scene.kind) {
    case 'holding':
      return tFr('stage.screen.holding');
    case 'join':
      return tFr('stage.screen.join');
    case 'countdown':
      return [tFr('stage.screen.countdown', { time: formatClockFr(scene.until, tz) }), scene.caption].filter(Boolean).join(' — ');
    case 'message':
      return tFr('stage.screen.message', { text: displayText(scene.title ?? scene.text) });
    case 'poll':
      return tFr('stage.screen.poll', { text: interaction(scene.interactionId) });
    case 'wordcloud':
      return tFr('stage.screen.wordcloud', { text: interaction(scene.interactionId) });
    case 'black':
      return tFr('stage.screen.black');
    case 'question':
      return tFr('stage.screen.question');
    default:
      return scene satisfies never;
  }
}

function originWord(origin: 'room' | 'remote' | 'regie'): string {
  return tFr(origin === 'room' ? 'stage.origin.room' : origin === 'remote' ? 'stage.origin.remote' : 'stage.origin.regie');
}

/**
 * « À L’ÉCRAN »: what the projector shows now, from the core's program bus. A question on air is
 * given in full (its text as projected, the first name, room or remote): the facilitator reads it
 * aloud, shortlisted or not. In panic, the panic screen, and what was there before.
 */
export function StageOnAir({ onAir, panicFrom, programme }: { onAir: Scene; panicFrom: Scene | null; programme: Programme | null }) {
  const question = onAir.kind === 'question' ? onAir : null;
  return (
    <section
      className={`stage-screen${question ? ' stage-screen-question' : ''}${panicFrom ? ' stage-screen-panic' : ''}`}
      aria-label={tFr('stage.onAir')}
      data-testid="stage-on-screen"
      data-scene={onAir.kind}
      data-panic={panicFrom !== null}
      data-question-id={question?.questionId}
    >
      <p className="stage-screen-tag">{panicFrom ? tFr('stage.screen.panic') : tFr('stage.onAir')}</p>
      {question ? (
        <div className="stage-screen-body">
          <p className="stage-screen-text" dir="auto" data-testid="stage-on-screen-text">
            {frenchTypography(displayText(question.text ?? ''))}
          </p>
          <p className="stage-q-meta">
            <span className="stage-q-name" dir="auto">
              {question.name ? displayText(question.name) : tFr('stage.anonymous')}
            </span>
            {question.origin && <span className={`stage-q-origin stage-q-origin-${question.origin}`}>{originWord(question.origin)}</span>}
          </p>
        </div>
      ) : (
        <p className="stage-screen-what" dir="auto" data-testid="stage-on-screen-text">
          {frenchTypography(
            panicFrom
              ? tFr('stage.screen.panicDetail', { screen: sceneWords(onAir, programme), scene: sceneWords(panicFrom, programme) })
              : sceneWords(onAir, programme),
          )}
        </p>
      )}
    </section>
  );
}
