import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { Db } from '../../node/sqlite/database';
import { CODES_SALT_KEY } from '../codes/code-hashes';
import type { JournalRow } from '../store/journal';

/**
 * The hot standby's link (docs/standby.md): a socket.io namespace on the primary's views' server,
 * behind its own token (« secours »), never a seat's. The standby asks for the journal after its
 * own last seq, proving with the hash of its row there that both journals are the same up to it;
 * the primary streams rows (with the outbox rows and the settings that go with them); the standby
 * acknowledges each batch after its own commit.
 */
export const STANDBY_NAMESPACE = '/standby';
export const STANDBY_PROTOCOL = 1;

/** Standby → primary: « I have everything up to afterSeq (this row there), send me what follows ». */
export const followRequestSchema = z.strictObject({
  protocol: z.number().int(),
  afterSeq: z.number().int().min(0),
  afterOutboxSeq: z.number().int().min(0),
  /** journalRowHash of the standby's row at afterSeq (null at 0). */
  tail: z.string().max(128).nullable(),
  /** The port the standby serves its views on: the primary tells its views where to go if it dies (absent: a standby of before). */
  viewsPort: z.number().int().min(1).max(65_535).optional(),
});
export type FollowRequest = z.infer<typeof followRequestSchema>;

export type FollowAnswer =
  { ok: true; primarySeq: number; epoch: number; regieId: string | null; viewsOrigins?: string[] } | { ok: false; error: string };

export const followAnswerSchema = z.discriminatedUnion('ok', [
  z.strictObject({
    ok: z.literal(true),
    primarySeq: z.number().int().min(0),
    epoch: z.number().int().min(0),
    regieId: z.string().nullable(),
    /** The primary's views origins: its pages may move to the standby once it leads (absent: a primary of before). */
    viewsOrigins: z.array(z.string().max(200)).max(50).optional(),
  }),
  z.strictObject({ ok: z.literal(false), error: z.string() }),
]);

const journalRowSchema = z.strictObject({
  seq: z.number().int().min(1),
  at: z.number(),
  actor: z.string(),
  commandId: z.string().nullable(),
  type: z.string(),
  payload: z.string(),
});

const copiedSeatSchema = z.strictObject({
  id: z.string().max(200),
  position: z.number().int(),
  name: z.string().max(500),
  kind: z.enum(['regie', 'room', 'output', 'stage']),
  room: z.string().max(200).nullable(),
  token: z.string().max(200).nullable(),
  createdAt: z.number().int(),
  revokedAt: z.number().int().nullable(),
});
export type CopiedSeat = z.infer<typeof copiedSeatSchema>;

/** Primary → standby: the next rows, and what the same transactions wrote beside them. */
export const copyBatchSchema = z.strictObject({
  rows: z.array(journalRowSchema),
  outbox: z.array(z.strictObject({ seq: z.number().int().min(1), command: z.string(), createdAt: z.number() })),
  /** The settings a standby needs to lead (its régie id at the hub, the rooms' secrets, the codes' salt), when they changed. */
  settings: z.record(z.string(), z.string()).nullable(),
  /** The seats, whole, when they changed: a view opened on the primary reconnects to the standby with the same token. */
  seats: z.array(copiedSeatSchema).nullable().optional(),
  primarySeq: z.number().int().min(0),
  lagMs: z.number().nullable(),
});
export type CopyBatch = z.infer<typeof copyBatchSchema>;

/** Primary → standby, twice a second: how far behind the primary sees it. */
export const lagNoticeSchema = z.strictObject({ primarySeq: z.number().int().min(0), lagMs: z.number().nullable() });
export type LagNotice = z.infer<typeof lagNoticeSchema>;

export const copyAckSchema = z.strictObject({ upToSeq: z.number().int().min(0) });

export interface PrimaryToStandbyEvents {
  rows: (batch: CopyBatch) => void;
  lag: (notice: LagNotice) => void;
}

export interface StandbyToPrimaryEvents {
  follow: (request: FollowRequest, answer: (a: FollowAnswer) => void) => void;
  ack: (ack: { upToSeq: number }) => void;
}

/** Names one journal row whole: two journals with the same hash at a seq wrote the same event there. */
export function journalRowHash(row: JournalRow): string {
  return createHash('sha256')
    .update(JSON.stringify([row.seq, row.at, row.actor, row.commandId, row.type, row.payload]))
    .digest('base64url');
}

/** The settings a standby copies: what it needs to speak to the hub as the same régie once it leads. */
export function copiedSettings(db: Db): Record<string, string> {
  const rows = db
    .prepare("SELECT key, value FROM settings WHERE key = 'regie.id' OR key = ? OR key LIKE 'room.secret.%' ORDER BY key")
    .all(CODES_SALT_KEY) as { key: string; value: string }[];
  return Object.fromEntries(rows.map((r) => [r.key, r.value]));
}

/** Where a standby's settings may be written from a copy (never its tokens or its own hub's). */
export function isCopiedSetting(key: string): boolean {
  return key === 'regie.id' || key === CODES_SALT_KEY || (key.startsWith('room.secret.') && key.length <= 100);
}

/** The seats table whole, tokens included: the standby opens the same seats with the same tokens. */
export function copiedSeats(db: Db): CopiedSeat[] {
  return db
    .prepare('SELECT id, position, name, kind, room, token, created_at AS createdAt, revoked_at AS revokedAt FROM seats ORDER BY position')
    .all() as CopiedSeat[];
}

/** Replaces the standby's seats with the primary's (in the copy's transaction): its own first-start seats go. */
export function writeCopiedSeats(db: Db, seats: readonly CopiedSeat[]): void {
  db.prepare('DELETE FROM seats').run();
  const insert = db.prepare(
    'INSERT INTO seats (id, position, name, kind, room, token, created_at, revoked_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  for (const s of seats) insert.run(s.id, s.position, s.name, s.kind, s.room, s.token, s.createdAt, s.revokedAt);
}
