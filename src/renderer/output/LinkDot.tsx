import type { ConnectionState } from '../lib/regie-store';

/**
 * The only trace of a lost link on the projector: a small dim dot in a corner. The picture keeps
 * the last state received; the audience sees nothing alarming, the operator sees the dot.
 * Always in the page (tests read data-state), invisible while online.
 */
export function LinkDot({ connection }: { connection: ConnectionState }) {
  return <div className={`link-dot link-dot-${connection}`} data-testid="connection-state" data-state={connection} aria-hidden="true" />;
}
