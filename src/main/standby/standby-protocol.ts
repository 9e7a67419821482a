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
});
export type FollowRequest = z.infer<typeof followRequestSchema>;

export type FollowAnswer = { ok: true; primarySeq: number; epoch: number; regieId: string | null } | { ok: false; error: string };

export const followAnswerSchema = z.discriminatedUnion('ok', [
  z.strictObject({
    ok: z.literal(true),
    primarySeq: z.number().int().min(0),
    epoch: z.number().int().min(0),
    regieId: z.string().nullable(),
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

/** Primary → standby: the next rows, and what the same transactions wrote beside them. */
export const copyBatchSchema = z.strictObject({
  rows: z.array(journalRowSchema),
  outbox: z.array(z.strictObject({ seq: z.number().int().min(1), command: z.string(), createdAt: z.number() })),
  /** The settings a standby needs to lead (its régie id at the hub, the rooms' secrets, the codes' salt), when they changed. */
  settings: z.record(z.string(), z.string()).nullable(),
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
