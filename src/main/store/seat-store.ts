import type { Db } from '../../node/sqlite/database';
import type { Room } from '../../shared/domain/rooms';
import { missingSeats, type SeatInfo, type SeatKind, type SeatWithToken } from '../../shared/domain/seats';
import { newToken, sameSecret } from '../server/access';

/** The settings where the code of before seats kept its three tokens, and the seat each becomes. */
export const LEGACY_TOKENS: readonly { setting: string; kind: SeatKind }[] = [
  { setting: 'token.control', kind: 'regie' },
  { setting: 'token.output', kind: 'output' },
  { setting: 'token.stage', kind: 'stage' },
];

interface Row {
  id: string;
  name: string;
  kind: SeatKind;
  room: string | null;
  token: string | null;
  revokedAt: number | null;
}

/**
 * The seats in the régie's database (migration 4), kept in memory: a token is checked against
 * every seat in constant time on each connection and each remote request.
 */
export class SeatStore {
  private seats: SeatWithToken[] = [];

  constructor(private db: Db) {
    this.load();
  }

  /** After the RGPD purge replaced the database file (the seats table comes with it). */
  reopen(db: Db): void {
    this.db = db;
    this.load();
  }

  all(): readonly SeatWithToken[] {
    return this.seats;
  }

  find(id: string): SeatWithToken | undefined {
    return this.seats.find((s) => s.id === id);
  }

  /**
   * The seats the rooms call for and the table lacks, made now (first start, a programme with
   * new rooms). On a database of before seats, the tokens it printed become the first régie
   * seat's, the main output's and the main stage's, so that those addresses keep working.
   */
  ensure(rooms: readonly Room[], now: number): SeatInfo[] {
    const planned = missingSeats(this.seats, rooms);
    if (planned.length === 0) return [];
    const firstStart = this.seats.length === 0;
    const getSetting = this.db.prepare('SELECT value FROM settings WHERE key = ?').pluck();
    const dropSetting = this.db.prepare('DELETE FROM settings WHERE key = ?');
    const insert = this.db.prepare(
      'INSERT INTO seats (id, position, name, kind, room, token, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    let position = (this.db.prepare('SELECT COALESCE(MAX(position), 0) FROM seats').pluck().get() as number) + 1;
    this.db.transaction(() => {
      const adopted = new Set<string>();
      for (const seat of planned) {
        let token: string | null = null;
        if (firstStart) {
          const legacy = LEGACY_TOKENS.find((l) => l.kind === seat.kind && seat.room === null && !adopted.has(l.setting));
          if (legacy) {
            token = (getSetting.get(legacy.setting) as string | undefined) ?? null;
            adopted.add(legacy.setting);
            // The token lives in its seat from now on: one place, revocable there.
            if (token !== null) dropSetting.run(legacy.setting);
          }
        }
        insert.run(seat.id, position++, seat.name, seat.kind, seat.room, token ?? newToken(), now);
      }
    })();
    this.load();
    return planned;
  }

  /** The seat a token opens, or null (unknown, revoked, not a string). Every seat is compared, in constant time. */
  byToken(token: unknown): SeatWithToken | null {
    if (typeof token !== 'string' || token.length === 0 || token.length > 200) return null;
    let found: SeatWithToken | null = null;
    for (const seat of this.seats) {
      if (seat.token !== null && sameSecret(token, seat.token) && found === null) found = seat;
    }
    return found;
  }

  /** The seat's token is void at once (its open connections are the caller's to close). */
  revoke(id: string, now: number): SeatWithToken | null {
    if (!this.find(id)) return null;
    this.db.prepare('UPDATE seats SET token = NULL, revoked_at = ? WHERE id = ?').run(now, id);
    this.load();
    return this.find(id) ?? null;
  }

  /** A new token for the seat (the old one is void); a revoked seat comes back with it. */
  reissue(id: string): SeatWithToken | null {
    if (!this.find(id)) return null;
    this.db.prepare('UPDATE seats SET token = ?, revoked_at = NULL WHERE id = ?').run(newToken(), id);
    this.load();
    return this.find(id) ?? null;
  }

  private load(): void {
    const rows = this.db
      .prepare('SELECT id, name, kind, room, token, revoked_at AS revokedAt FROM seats ORDER BY position')
      .all() as Row[];
    this.seats = rows.map((r) => ({ id: r.id, name: r.name, kind: r.kind, room: r.room, token: r.token, revokedAt: r.revokedAt }));
  }
}
