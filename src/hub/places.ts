import type { Origin } from '../shared/protocol/fields';
import type { HubStore } from './hub-store';
import type { CodeBook, Place } from './join-decision';

/**
 * The hub's memory of personal codes (who holds which) and of each participant's place, mirrored
 * from its SQLite tables (hub-store.ts) so that a join is decided without a read. A code is claimed
 * here at once, before the write is committed: two phones giving the same code in the same instant
 * cannot both get it. The writer persists claims and applies the régie's code commands. On a
 * cluster node it mirrors Redis instead (redis-storage.ts): read again before each join, and the
 * join's script, not this memory, has the last word on a code (docs/cluster.md).
 */
export class Places implements CodeBook {
  private saltValue: string | null;
  private readonly codes = new Map<string, string | null>();
  private readonly held = new Map<string, string>();
  private readonly places = new Map<string, Omit<Place, 'codeHash'>>();

  constructor(store: Pick<HubStore, 'meta' | 'codes' | 'places'>, now: number, memoryMs: number) {
    this.saltValue = store.meta('codeSalt') ?? null;
    for (const c of store.codes()) this.setHolder(c.hash, c.holder);
    for (const p of store.places(now - memoryMs)) {
      const origin: Origin = p.origin === 'room' ? 'room' : 'remote';
      this.places.set(p.participantId, { room: p.room, origin, chosen: p.chosen === 1, at: p.at });
    }
  }

  get salt(): string | null {
    return this.saltValue;
  }

  get codeCount(): number {
    return this.codes.size;
  }

  holder(hash: string): string | null | undefined {
    return this.codes.get(hash);
  }

  heldBy(participantId: string): string | null {
    return this.held.get(participantId) ?? null;
  }

  remembered(participantId: string): Place | undefined {
    const p = this.places.get(participantId);
    return p ? { ...p, codeHash: this.heldBy(participantId) } : undefined;
  }

  /** The place decided for a join, and the code it claims (null: none new). */
  claim(participantId: string, place: Place, bindCode: string | null): void {
    const { codeHash: _, ...kept } = place;
    this.places.set(participantId, kept);
    if (bindCode !== null) this.setHolder(bindCode, participantId);
  }

  /** `codes.add`: another salt than the list's means another list (the old hashes mean nothing with it). */
  addCodes(salt: string, hashes: readonly string[]): void {
    if (salt !== this.saltValue) this.clearCodes();
    this.saltValue = salt;
    for (const h of hashes) if (!this.codes.has(h)) this.codes.set(h, null);
  }

  clearCodes(): void {
    this.codes.clear();
    this.held.clear();
  }

  release(hash: string): void {
    if (this.codes.has(hash)) this.setHolder(hash, null);
  }

  /**
   * What a cluster's Redis holds (redis-storage.ts), the truth on a cluster: a code's holder
   * (null: free; undefined: not of the list), the participant's place. This memory then decides
   * the join as on one hub, and the place script settles any race with another node.
   */
  learn(participantId: string, place: Omit<Place, 'codeHash'> | undefined, code?: { hash: string; holder: string | null | undefined }): void {
    if (place) this.places.set(participantId, place);
    if (!code) return;
    if (code.holder === undefined) {
      const previous = this.codes.get(code.hash);
      if (previous) this.held.delete(previous);
      this.codes.delete(code.hash);
    } else this.setHolder(code.hash, code.holder);
  }

  /** A cluster node starting: the codes as Redis holds them (salt, and each hash's holder, '' free). */
  loadCodes(salt: string | null, holders: Record<string, string>): void {
    this.clearCodes();
    this.saltValue = salt;
    for (const [hash, holder] of Object.entries(holders)) this.setHolder(hash, holder === '' ? null : holder);
  }

  /** Forgets places older than `before` (memory stays bounded by one day's participants). */
  prune(before: number): void {
    for (const [id, p] of this.places) if (p.at < before) this.places.delete(id);
  }

  private setHolder(hash: string, participantId: string | null): void {
    const previous = this.codes.get(hash);
    if (previous) this.held.delete(previous);
    this.codes.set(hash, participantId);
    if (participantId) {
      const other = this.held.get(participantId);
      // One code per phone: a phone giving a second code frees its first one.
      if (other !== undefined && other !== hash) this.codes.set(other, null);
      this.held.set(participantId, hash);
    }
  }
}
