import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { parseProgrammeFile } from '../../src/main/programme/programme-file';
import type { SeatsAnswer } from '../../src/main/server/seats-route';
import type { Patch, RoomPresence, Snapshot } from '../../src/shared/api/channel';
import { applyPatchOps } from '../../src/shared/api/apply-patch';
import type { ViewState } from '../../src/shared/api/state';
import type { Programme } from '../../src/shared/domain/programme';
import type { SeatKind } from '../../src/shared/domain/seats';
import { connectView, repoRoot, send, type ViewSocket } from './helpers';

/**
 * What the rooms' proofs share (issue 17, docs/rooms.md): the demo with séquence 4 made live (each
 * workshop a `qa.open` cue, two of them a poll of their own), the seats as the régie lists them,
 * views that keep every message they receive, and the journal's row count read from the database
 * the core writes (a second, read-only connection).
 */

export const WORKSHOPS = ['salle-800', 'salle-450', 'salle-300', 'salle-200', 'salle-150', 'salle-100'] as const;
export const MAIN_ROOM = 'grand-auditorium';
const SESSION_OF: Record<(typeof WORKSHOPS)[number], string> = {
  'salle-800': 'j1-atelier-4a',
  'salle-450': 'j1-atelier-4b',
  'salle-300': 'j1-atelier-4c',
  'salle-200': 'j1-atelier-4d',
  'salle-150': 'j1-atelier-4e',
  'salle-100': 'j1-atelier-4f',
};
/** The two workshops with a poll of their own, and its id. */
export const WORKSHOP_POLLS = { 'salle-800': 'atelier-4a-sondage', 'salle-450': 'atelier-4b-sondage' } as const;
export const qaCue = (room: (typeof WORKSHOPS)[number]) => `${SESSION_OF[room]}-questions`;
/** Day 1, 16:05 in Nantes (UTC+2 in June): the six workshops have started. */
export const SEQUENCE_4 = Date.UTC(2021, 5, 24, 14, 5);

export function sixWorkshopsProgramme(): Programme {
  const demo = parseProgrammeFile(readFileSync(join(repoRoot, 'resources/demo/assises-2021.yaml'), 'utf8'), 'assises-2021.yaml');
  const polls = Object.entries(WORKSHOP_POLLS).map(([room, id]) => ({
    kind: 'poll',
    id,
    type: 'single',
    question: `Dans votre service (${room}), ce sujet est-il…`,
    options: ['prioritaire', 'important', 'secondaire'],
    hideResultsUntilReveal: false,
  }));
  return {
    ...demo,
    interactions: [...(demo.interactions ?? []), ...polls],
    sessions: demo.sessions.map((s) => {
      const room = (Object.keys(SESSION_OF) as (typeof WORKSHOPS)[number][]).find((r) => SESSION_OF[r] === s.id);
      if (!room) return s;
      const qa = { id: qaCue(room), at: { offset: '+00:05' }, action: { type: 'qa.open' }, mode: 'manual' };
      // A workshop's poll belongs to the workshop by its cue (else to the main room, and a room seat may not open it).
      const poll = room in WORKSHOP_POLLS ? [{ id: `${SESSION_OF[room]}-sondage`, at: { offset: '+00:30' }, action: { type: 'poll.open', interaction: WORKSHOP_POLLS[room as keyof typeof WORKSHOP_POLLS] }, mode: 'manual' }] : [];
      return { ...s, cues: [qa, ...poll] };
    }),
  } as Programme;
}

export interface SeatEntryWithToken {
  id: string;
  name: string;
  kind: SeatKind;
  room: string | null;
  token: string;
  /** Its address on this machine, as the « Sièges » dialog prints it (page, token, room). */
  address: string;
}

/** The seats as the desk's « Sièges » dialog gets them (GET /api/seats), with each token read from its address. */
export async function listSeats(port: number, token: string): Promise<SeatEntryWithToken[]> {
  const res = await fetch(`http://127.0.0.1:${port}/api/seats`, { headers: { Authorization: `Bearer ${token}` } });
  if (res.status !== 200) throw new Error(`/api/seats : ${res.status}`);
  const answer = (await res.json()) as SeatsAnswer;
  return answer.seats.map((s) => ({ id: s.id, name: s.name, kind: s.kind, room: s.room, token: new URL(s.addresses.at(-1)!).searchParams.get('token')!, address: s.addresses.at(-1)! }));
}

export function seatAddress(seats: SeatEntryWithToken[], kind: SeatKind, room: string | null): string {
  const s = seats.find((x) => x.kind === kind && x.room === room);
  if (!s) throw new Error(`pas de siège ${kind} pour ${room}`);
  return s.address;
}

export function seatToken(seats: SeatEntryWithToken[], kind: SeatKind, room: string | null): string {
  const s = seats.find((x) => x.kind === kind && x.room === room);
  if (!s) throw new Error(`pas de siège ${kind} pour ${room}`);
  return s.token;
}

/** A view that keeps every message it receives (snapshots, patches, presence), in order, and its state. */
export class RecordingView {
  readonly socket: ViewSocket;
  readonly received: { event: string; payload: unknown }[] = [];
  state: ViewState | null = null;
  snapshot: Snapshot | null = null;
  seq = 0;
  private readonly ready: Promise<Snapshot>;

  constructor(port: number, token: string, room?: string) {
    this.socket = connectView(port, token);
    if (room !== undefined) (this.socket.auth as Record<string, string>).room = room;
    this.ready = new Promise((resolve, reject) => {
      this.socket.once('connect_error', reject);
      this.socket.on('snapshot', (s) => {
        this.received.push({ event: 'snapshot', payload: s });
        this.snapshot = s;
        this.state = s.state;
        this.seq = s.seq;
        resolve(s);
      });
    });
    this.socket.on('patch', (p: Patch) => {
      this.received.push({ event: 'patch', payload: p });
      if (!this.state || p.fromSeq !== this.seq) return void this.socket.emit('resync');
      this.state = applyPatchOps(this.state, p.ops);
      this.seq = p.seq;
    });
    this.socket.on('presence', (p: RoomPresence | null) => this.received.push({ event: 'presence', payload: p }));
    this.socket.on('status', (s) => this.received.push({ event: 'status', payload: s }));
  }

  first(): Promise<Snapshot> {
    return this.ready;
  }

  /** A fresh snapshot, asked for now (what the core holds at this moment, all committed). */
  fresh(): Promise<Snapshot> {
    const next = new Promise<Snapshot>((resolve) => this.socket.once('snapshot', resolve));
    this.socket.emit('resync');
    return next;
  }

  /** Everything received, as one string (to look for what must never be there). */
  wire(): string {
    return JSON.stringify(this.received);
  }

  close(): void {
    this.socket.close();
  }
}

let n = 0;
/** Sends a command as this view's seat, with a fresh envelope id. */
export const command = (view: RecordingView | ViewSocket, c: unknown) =>
  send('socket' in view ? view.socket : view, { id: `rooms-proof-${process.pid}-${String(n++).padStart(6, '0')}`, command: c });

/** The journal's rows, read beside the running core (WAL: a reader sees what was committed). */
/** The journal's last seq. */
export function journalLastSeq(dataDir: string): number {
  const db = new Database(join(dataDir, 'pupitre.sqlite3'), { readonly: true, fileMustExist: true });
  try {
    return (db.prepare('SELECT MAX(seq) FROM journal').pluck().get() as number | null) ?? 0;
  } finally {
    db.close();
  }
}

/** The journal's audience messages after seq `afterSeq` (their payloads), to check what reached the régie. */
export function journalAudienceSince(dataDir: string, afterSeq: number): string[] {
  const db = new Database(join(dataDir, 'pupitre.sqlite3'), { readonly: true, fileMustExist: true });
  try {
    return db.prepare("SELECT payload FROM journal WHERE seq > ? AND type LIKE 'audience.%' ORDER BY seq").pluck().all(afterSeq) as string[];
  } finally {
    db.close();
  }
}

export function journalRows(dataDir: string): number {
  const db = new Database(join(dataDir, 'pupitre.sqlite3'), { readonly: true, fileMustExist: true });
  try {
    return db.prepare('SELECT COUNT(*) FROM journal').pluck().get() as number;
  } finally {
    db.close();
  }
}

/**
 * The journal's rows written under `actor` (a seat's name). « A refused command writes nothing » is
 * counted this way: the cue scheduler may write its own rows meanwhile (a cue passing its time on
 * the rehearsal clock), and they say nothing about the seat.
 */
export function journalRowsBy(dataDir: string, actor: string): number {
  const db = new Database(join(dataDir, 'pupitre.sqlite3'), { readonly: true, fileMustExist: true });
  try {
    return db.prepare('SELECT COUNT(*) FROM journal WHERE actor = ?').pluck().get(actor) as number;
  } finally {
    db.close();
  }
}

export async function until(cond: () => boolean, what: string, ms = 30_000): Promise<void> {
  const t0 = Date.now();
  while (!cond()) {
    if (Date.now() - t0 > ms) throw new Error(`délai dépassé : ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}
