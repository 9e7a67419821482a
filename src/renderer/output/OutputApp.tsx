import { tFr } from '../lib/i18n';
import { useRegie } from '../lib/regie-store';
import { IdleScreen } from './IdleScreen';
import { LinkDot } from './LinkDot';
import type { OutputMode } from './output-mode';
import { ProgramOutput } from './ProgramOutput';
import { Stage } from './Stage';

/**
 * The projector / stream output: what is on air on the program bus, on a 1920×1080 stage. Before
 * the first snapshot, the neutral holding screen (projector) or nothing at all (stream encoder).
 */
export function OutputApp({ mode }: { mode: OutputMode }) {
  const hasState = useRegie((s) => s.state !== null);
  const connection = useRegie((s) => s.connection);

  if (hasState) return <ProgramOutput mode={mode} />;
  // A refused token is a set-up mistake: say so, quietly.
  const note = connection === 'refused' ? tFr('token.refused.title') : undefined;
  return (
    <Stage mode={mode} data={{ 'data-scene': 'none', 'data-take': 'none', 'data-state': 'connecting' }}>
      {mode === 'projector' ? <IdleScreen now={null} note={note} /> : note && <p className="lower-third lower-third-note">{note}</p>}
      <LinkDot connection={connection} />
    </Stage>
  );
}
