import { useCallback, useState } from 'react';
import { useRegie } from '../lib/regie-store';
import { useProgram } from '../lib/view-room';
import { LinkDot } from './LinkDot';
import type { OutputMode } from './output-mode';
import { busPicture, emptyBus, layerBuilt, layerEntered, onProgram } from './program-bus';
import { ProgramLayer } from './ProgramLayer';
import { SceneView } from './SceneView';
import { Stage } from './Stage';

/**
 * What is on air, drawn from the mirrored program state (a reload shows exactly what is on air).
 * Each TAKE goes through the double buffer of program-bus.ts. The stage tells tests and tools
 * what the audience sees: data-scene, data-take, and data-state (idle once a take has settled).
 */
export function ProgramOutput({ mode }: { mode: OutputMode }) {
  // This output's room's bus (`?room=`; the core sends it no other room's).
  const program = useProgram();
  const connection = useRegie((s) => s.connection);
  const [bus, setBus] = useState(emptyBus);
  // A new take is taken into account in this very render (no effect, no extra frame: a panic
  // shows in the next paint).
  const current = program ? onProgram(bus, program) : bus;
  if (current !== bus) setBus(current);

  const built = useCallback((id: number) => setBus((b) => layerBuilt(b, id)), []);
  const entered = useCallback((id: number) => setBus((b) => layerEntered(b, id)), []);
  const picture = busPicture(current);
  const entering = current.layers.find((l) => l.phase === 'entering');

  return (
    <Stage
      mode={mode}
      data={{
        'data-scene': picture.scene?.kind ?? 'none',
        'data-take': picture.take === null ? 'none' : String(picture.take),
        'data-state': picture.settled ? 'idle' : 'transition',
      }}
    >
      {current.layers.map((layer) => (
        <ProgramLayer
          key={layer.id}
          layer={layer}
          leaving={entering && entering.id > layer.id && layer.phase !== 'building' ? entering.fadeMs : null}
          onBuilt={built}
          onEntered={entered}
        >
          <SceneView scene={layer.scene} mode={mode} />
        </ProgramLayer>
      ))}
      <LinkDot connection={connection} />
    </Stage>
  );
}
