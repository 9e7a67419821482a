import type { CoreStatus, LinkStatus } from '../../shared/api/channel';
import type { AudienceQuestion, ClockSetting, LiveState, Tally } from '../../shared/api/state';
import type { Programme } from '../../shared/domain/programme';
import type { MessageKey, Translate } from './i18n';
import { isStandbyStatus } from './standby-words';

/**
 * The régie's link to the audience hub, as the desk shows it: how worried to look, in which words,
 * the address participants join at, and the live feed of the « Public » panel. Pure.
 */

/** quiet: nothing to do (no hub, or connecting at start-up); ok: all is well; warn / alert: act. */
export type LinkTone = 'quiet' | 'ok' | 'warn' | 'alert';

/** How long « connecting » may last before it is a problem (start-up, a hub that never answers). */
export const CONNECTING_GRACE_MS = 10_000;

const LINK_STATES: ReadonlySet<string> = new Set<LinkStatus['state']>(['off', 'connecting', 'online', 'offline', 'refused']);

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null;
const isCount = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);
const orNull = (x: unknown, test: (y: unknown) => boolean) => x === null || test(x);

/** A `status` event as the core sends it (a view checks what it is given, like a patch). */
export function isCoreStatus(x: unknown): x is CoreStatus {
  if (!isObject(x) || !isObject(x.link)) return false;
  const l = x.link;
  return (
    typeof l.state === 'string' &&
    LINK_STATES.has(l.state) &&
    isCount(l.since) &&
    orNull(l.hubUrl, (u) => typeof u === 'string') &&
    typeof l.embedded === 'boolean' &&
    orNull(l.rttMs, isCount) &&
    isCount(l.outboxPending) &&
    orNull(l.hubBacklog, isCount) &&
    isObject(l.participants) &&
    isCount(l.participants.room) &&
    isCount(l.participants.remote) &&
    orNull(l.eventCode, (c) => typeof c === 'string') &&
    Array.isArray(l.joinUrls) &&
    l.joinUrls.every((u) => typeof u === 'string') &&
    orNull(l.lastError, (e) => typeof e === 'string') &&
    (x.standby === undefined || isStandbyStatus(x.standby))
  );
}

/** The core's own wall clock, from the show clock (which may carry a rehearsal offset). */
export function coreTimeOf(showNow: number, clock: ClockSetting | undefined): number {
  return clock?.mode === 'rehearsal' ? showNow - clock.offsetMs : showNow;
}

export function linkTone(link: LinkStatus, coreNow: number): LinkTone {
  switch (link.state) {
    case 'off':
      return 'quiet';
    case 'connecting':
      return coreNow - link.since > CONNECTING_GRACE_MS ? 'warn' : 'quiet';
    case 'online':
      return 'ok';
    case 'offline':
      return 'warn';
    case 'refused':
      return 'alert';
  }
}

export interface LinkWords {
  /** The whole sentence: « Hub injoignable — nouvelle tentative… ». */
  full: MessageKey;
  /** Its first words, for the top bar's first line (« Hub injoignable »)… */
  headline: MessageKey;
  /** …and the rest, for its second line (« nouvelle tentative… »). */
  detail: MessageKey | null;
}

/** « Hub connecté », « Hub injoignable — nouvelle tentative… », « Hub : jeton refusé », « Sans public ». */
export function linkWords(state: LinkStatus['state']): LinkWords {
  switch (state) {
    case 'off':
      return { full: 'link.off', headline: 'link.off', detail: null };
    case 'connecting':
      return { full: 'link.connecting', headline: 'link.connecting', detail: null };
    case 'online':
      return { full: 'link.online', headline: 'link.online', detail: null };
    case 'offline':
      return { full: 'link.offline', headline: 'link.offlineHeadline', detail: 'link.retrying' };
    case 'refused':
      return { full: 'link.refused', headline: 'link.refused', detail: null };
  }
}

/** « 3 commandes en attente d’envoi », « 120 messages à recevoir »: null when there are none. */
export function pendingWords(link: LinkStatus, t: Translate): { outbox: string | null; backlog: string | null } {
  const n = link.outboxPending;
  const b = link.hubBacklog ?? 0;
  return {
    outbox: n > 0 ? t(n === 1 ? 'link.outboxOne' : 'link.outboxMany', { count: n }) : null,
    backlog: b > 0 ? t(b === 1 ? 'link.backlogOne' : 'link.backlogMany', { count: b }) : null,
  };
}

/** The address participants join at: the operator's choice, else the hub's first. */
export function joinUrlInUse(chosen: string | null | undefined, link: LinkStatus | null | undefined): string | null {
  return chosen ?? link?.joinUrls[0] ?? null;
}

/** The event code: the hub's, or the one in the join address while the hub has not answered yet. */
export function eventCodeOf(link: LinkStatus | null | undefined, joinUrl: string | null): string | null {
  if (link?.eventCode) return link.eventCode;
  if (!joinUrl) return null;
  try {
    return new URL(joinUrl).searchParams.get('e');
  } catch {
    return null;
  }
}

/** Where the operator's choice of address stands: the hub's default, one it offers, or a public one. */
export type JoinChoice = { kind: 'default' } | { kind: 'offered'; url: string } | { kind: 'public'; url: string };

export function joinChoiceOf(chosen: string | null | undefined, offered: readonly string[]): JoinChoice {
  if (chosen === null || chosen === undefined) return { kind: 'default' };
  return offered.includes(chosen) ? { kind: 'offered', url: chosen } : { kind: 'public', url: chosen };
}

/** The value of `join.choose` for a choice (null: the hub's first). */
export function joinChoiceUrl(c: JoinChoice): string | null {
  return c.kind === 'default' ? null : c.url.trim();
}

/** The last `n` questions received, the newest first. */
export function latestQuestions(questions: readonly AudienceQuestion[], n = 5): AudienceQuestion[] {
  return questions.slice(-n).reverse();
}

export interface TallyRow {
  /** The tally's key: the option's index, or the rating's value. */
  key: string;
  label: string;
  room: number;
  remote: number;
  total: number;
}

export interface OpenPollTally {
  id: string;
  question: string;
  openedAt: number;
  rows: TallyRow[];
  voters: { room: number; remote: number; total: number };
}

/** The live counts of every open poll, in the order they were opened. `yesNo` names « Oui » and « Non ». */
export function openPollTallies(
  programme: Programme | null,
  live: LiveState | undefined,
  tallies: Record<string, Tally> | undefined,
  yesNo: readonly [string, string],
): OpenPollTally[] {
  const open = Object.entries(live?.interactions ?? {})
    .filter(([, run]) => run.status === 'open')
    .sort(([, a], [, b]) => a.openedAt - b.openedAt);
  const out: OpenPollTally[] = [];
  for (const [id, run] of open) {
    const poll = programme?.interactions?.find((i) => i.id === id);
    if (!poll || poll.kind !== 'poll') continue;
    let choices: { key: string; label: string }[];
    switch (poll.type) {
      case 'single':
      case 'multiple':
        choices = poll.options.map((label, i) => ({ key: String(i), label }));
        break;
      case 'yesno':
        choices = yesNo.map((label, i) => ({ key: String(i), label }));
        break;
      case 'rating':
        choices = Array.from({ length: poll.max - poll.min + 1 }, (_, i) => ({ key: String(poll.min + i), label: String(poll.min + i) }));
        break;
    }
    const tally = tallies?.[id];
    const rows = choices.map(({ key, label }) => {
      const c = tally?.counts[key] ?? { room: 0, remote: 0 };
      return { key, label, room: c.room, remote: c.remote, total: c.room + c.remote };
    });
    const v = tally?.voters ?? { room: 0, remote: 0 };
    out.push({ id, question: poll.question, openedAt: run.openedAt, rows, voters: { ...v, total: v.room + v.remote } });
  }
  return out;
}
