import type { Scene } from '../../shared/domain/scene';
import { CountdownScene } from './CountdownScene';
import { HoldingScene } from './HoldingScene';
import { JoinScene } from './JoinScene';
import { MessageScene } from './MessageScene';
import { ObsHolding } from './ObsHolding';
import type { OutputMode } from './output-mode';
import { PollScene } from './PollScene';
import { QuestionScene } from './QuestionScene';
import { WordCloudScene } from './WordCloudScene';

/**
 * One scene of the program bus, drawn from the mirrored state (reusable wherever the régie's
 * store is: a preview monitor on the desk draws the same thing).
 */
export function SceneView({ scene, mode }: { scene: Scene; mode: OutputMode }) {
  switch (scene.kind) {
    case 'holding':
      return mode === 'obs' ? <ObsHolding /> : <HoldingScene />;
    case 'black':
      // Black: nothing at all (on the stream: nothing over the camera picture).
      return <div className="scene-black" data-testid="scene-black" />;
    case 'message':
      return <MessageScene text={scene.text} title={scene.title ?? null} mode={mode} />;
    case 'countdown':
      return <CountdownScene until={scene.until} caption={scene.caption ?? null} />;
    case 'join':
      return <JoinScene />;
    case 'poll':
      return <PollScene interactionId={scene.interactionId} mode={mode} />;
    case 'wordcloud':
      return <WordCloudScene interactionId={scene.interactionId} mode={mode} />;
    case 'question':
      return <QuestionScene text={scene.text ?? ''} name={scene.name ?? null} origin={scene.origin ?? null} mode={mode} />;
    default:
      return scene satisfies never;
  }
}
