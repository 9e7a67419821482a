import type { CommandEnvelope } from './commands';
import type { CommandResult } from './results';
import type { RegieState } from './state';

/** The socket.io contract between the core and its views. */

export type ViewRole = 'control' | 'output';

export interface AccessInfo {
  /** Addresses of the views, with their tokens: sent to control seats only. */
  controlUrl: string;
  outputUrl: string;
  lan: boolean;
}

export interface Snapshot {
  seq: number;
  role: ViewRole;
  /** The core's wall clock when the snapshot left, so that views can correct their own drift. */
  serverNow: number;
  state: RegieState;
  access: AccessInfo | null;
  coreVersion: string;
}

/** Replace the value at `path` (top-level slice keys of RegieState). */
export interface PatchOp {
  op: 'set';
  path: [keyof RegieState];
  value: unknown;
}

export interface Patch {
  /** The seq the view must already have; otherwise it asks for a fresh snapshot. */
  fromSeq: number;
  seq: number;
  serverNow: number;
  ops: PatchOp[];
}

export interface ServerToViewEvents {
  snapshot: (s: Snapshot) => void;
  patch: (p: Patch) => void;
}

export interface ViewToServerEvents {
  command: (envelope: CommandEnvelope | unknown, ack: (r: CommandResult) => void) => void;
  resync: () => void;
}

/** Names of the socket.io auth fields. */
export interface ViewAuth {
  token: string;
}
