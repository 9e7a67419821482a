/** What the core knows of its embedded hub, wherever it runs. */
export interface HubProcessState {
  /** A hub is up and answered « ready ». */
  running: boolean;
  /** Its process id (the core's own when the hub runs inside it); null while it restarts. */
  pid: number | null;
  port: number;
  inProcess: boolean;
  /** Successful restarts since the core started. */
  restarts: number;
  /** Unexpected ends (crashes, kills, failed restarts) since the core started. */
  exits: number;
  /** The last unexpected end: when, and why in words (« tué (SIGKILL) », « code 1 »). */
  lastExit: { at: number; reason: string } | null;
  /** Unexpected ends within the storm window. */
  recentExits: number;
  stormWindowMs: number;
  /** A restart storm: the hub keeps dying. */
  storm: boolean;
  /** When the next restart is due, while one is waiting (backoff). */
  nextRestartAt: number | null;
  lastRestartAt: number | null;
}

export interface EmbeddedHub {
  /** The port participants use; a restarted hub listens on the same one. */
  readonly port: number;
  /** hub.sqlite3's id: the same across restarts (the backlog is the same file). */
  readonly hubId: string;
  /** Addresses for participants (the join page). */
  readonly urls: readonly string[];
  readonly inProcess: boolean;
  /** The hub's process id now, null while it restarts. */
  readonly pid: number | null;
  state(): HubProcessState;
  /** Stops the hub (and, out of process, its process: no orphan left). */
  close(): Promise<void>;
}
