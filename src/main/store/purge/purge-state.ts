import { type AudienceQuestion, type Ballots, type RedactionMark, type RegieState } from '../../../shared/api/state';
import { noPersonalCodes } from '../../../shared/api/personal-codes';
import { personalDataKinds, REDACTION_LABEL } from '../../../shared/domain/personal-data';
import type { WordModeration } from '../../../shared/domain/word-tally';
import { MAX } from '../../../shared/protocol/limits';
import { ballotBucket } from '../../engine/ballot-bucket';
import { flagSpans, type StoredFlag } from '../../../shared/domain/stored-flags';
import type { PurgeContext } from '../../../node/purge/purge-context';
import { purgeLastGo, purgeScene } from './purge-event';
import { purgeFindings } from './purge-findings';

/**
 * The RGPD purge of the state itself — the snapshot the core starts from after the purge. It is
 * the show's state as the original journal left it (every moderator's decision, flag, clearance
 * and redaction as it was), purged: so the purged database shows and exports exactly what the
 * show had, without its participants. One purger per slice (`SlicePurgers` is a mapped type over
 * RegieState): a slice added later does not compile until someone decides here what of it is personal.
 */

type SlicePurgers = { [K in keyof RegieState]: (value: RegieState[K], ctx: PurgeContext) => RegieState[K] };

/** Labels in a purged text, as the desk marks them (every label is a redaction now). */
function labelMarks(field: RedactionMark['field'], value: string | null): RedactionMark[] {
  if (value === null) return [];
  const marks: RedactionMark[] = [];
  for (const kind of personalDataKinds) {
    const label = REDACTION_LABEL[kind];
    if (label === '') continue;
    for (let at = value.indexOf(label); at >= 0; at = value.indexOf(label, at + label.length))
      marks.push({ field, kind, start: at, end: at + label.length });
  }
  // One mark per place: « [nom] » is both the family name's label and the listed name's.
  const seen = new Set<number>();
  return marks.sort((a, b) => a.start - b.start).filter((m) => !seen.has(m.start) && seen.add(m.start) !== undefined);
}

export function purgeQuestion(q: AudienceQuestion, ctx: PurgeContext, known: readonly StoredFlag[]): AudienceQuestion {
  const all = [...known, ...q.flags];
  const text = ctx.text(q.text, 'question', flagSpans(q.text, all), MAX.questionText);
  const editedText = q.editedText === null ? null : ctx.text(q.editedText, 'edit', flagSpans(q.editedText, all), MAX.questionText);
  if (q.name !== null && q.name.trim() !== '') ctx.erased.names.add(q.name.trim());
  const purged = { text, edit: editedText, name: null };
  return {
    ...q,
    msgId: q.msgId === null ? null : ctx.msgId(q.msgId),
    name: null,
    text,
    editedText,
    flags: purgeFindings(q.flags, (f) => purged[f], ctx),
    ...(q.redactions === undefined ? {} : { redactions: [...labelMarks('text', text), ...labelMarks('edit', editedText)] }),
  };
}

/** Re-keys a bucketed per-participant record (ballots, word senders) under the pseudonyms. */
function rebucket<T>(
  byBucket: Record<string, Record<string, T>>,
  ctx: PurgeContext,
  value: (v: T) => T = (v) => v,
): Record<string, Record<string, T>> {
  const out: Record<string, Record<string, T>> = {};
  for (const bucket of Object.values(byBucket)) {
    for (const [participant, v] of Object.entries(bucket)) {
      const pseudonym = ctx.participant(participant);
      (out[ballotBucket(pseudonym)] ??= {})[pseudonym] = value(v);
    }
  }
  return out;
}

/** A cloud's counts by word as sent: a personal word counts under its placeholder. */
function wordCounts<T>(words: Record<string, T>, ctx: PurgeContext, add: (a: T, b: T) => T): Record<string, T> {
  const out: Record<string, T> = {};
  for (const [word, v] of Object.entries(words)) {
    const w = ctx.word(word);
    out[w] = Object.hasOwn(out, w) ? add(out[w] as T, v) : v;
  }
  return out;
}

function keyed<T>(record: Readonly<Record<string, T>>, ctx: PurgeContext, value: (v: T) => T): Record<string, T> {
  return Object.fromEntries(Object.entries(record).map(([k, v]) => [ctx.wordKey(k), value(v)]));
}

const same = <T>(v: T): T => v;

export function purgeStateSlices(known: ReadonlyMap<string, readonly StoredFlag[]>): SlicePurgers {
  return {
    programme: same,
    clock: same,
    notes: (notes, ctx) => notes.map((n) => ({ ...n, text: ctx.text(n.text, 'edit') })),
    notesTotal: same,
    delays: same,
    cues: same,
    sessionMarks: same,
    asRun: same,
    live: same,
    audience: (a, ctx) => ({
      ...a,
      questions: a.questions.map((q) => purgeQuestion(q, ctx, known.get(q.id) ?? [])),
      words: Object.fromEntries(Object.entries(a.words).map(([cloud, w]) => [cloud, wordCounts(w, ctx, (x, y) => x + y)])),
      heldWords: Object.fromEntries(Object.entries(a.heldWords).map(([cloud, w]) => [cloud, wordCounts(w, ctx, (x) => x)])),
    }),
    ballots: (b: Ballots, ctx) => Object.fromEntries(Object.entries(b).map(([poll, buckets]) => [poll, rebucket(buckets, ctx)])),
    // The organisers' names are children and families of the cases: nothing to keep them for.
    moderation: (m) => ({ ...m, names: [] }),
    wordModeration: (byCloud, ctx) =>
      Object.fromEntries(
        Object.entries(byCloud).map(([cloud, m]): [string, WordModeration] => [
          cloud,
          {
            banned: keyed(m.banned, ctx, (s) => ctx.word(s)),
            merges: keyed(m.merges, ctx, (k) => ctx.wordKey(k)),
            allowed: keyed(m.allowed, ctx, (s) => ctx.word(s)),
          },
        ]),
      ),
    wordParticipants: same,
    wordSenders: (byCloud, ctx) =>
      Object.fromEntries(
        Object.entries(byCloud).map(([cloud, buckets]) => [
          cloud,
          rebucket(buckets, ctx, (keys) => (keys === true ? true : keys.map((k) => ctx.wordKey(k)))),
        ]),
      ),
    // What a redaction replaced, for its undo: the originals. Gone; the purged texts cannot be undone.
    redactionUndo: () => ({}),
    // Every room's bus, stage message and last GO.
    programs: (byRoom, ctx) =>
      mapRooms(byRoom, (p) => ({
        ...p,
        onAir: purgeScene(p.onAir, ctx),
        preview: p.preview === null ? null : purgeScene(p.preview, ctx),
        panicFrom: p.panicFrom === null ? null : purgeScene(p.panicFrom, ctx),
        // « déjà à l'antenne avant » holds a scene too (a question's text and name).
        ...(p.previous === undefined || p.previous === null ? {} : { previous: purgeScene(p.previous, ctx) }),
      })),
    lastGos: (byRoom, ctx) => mapRooms(byRoom, (g) => purgeLastGo(g, ctx)),
    stageMessages: (byRoom, ctx) => mapRooms(byRoom, (m) => ({ ...m, text: ctx.text(m.text, 'stage-message') })),
    editLocked: same,
    joinUrl: same,
    hubCursor: same,
    // The list is forgotten with the outbox's hashes (purge-hub-command.ts): no code in force any more.
    personalCodes: () => noPersonalCodes(),
  };
}

function mapRooms<T>(byRoom: Record<string, T>, f: (value: T) => T): Record<string, T> {
  return Object.fromEntries(Object.entries(byRoom).map(([room, value]) => [room, f(value)]));
}

export function purgeState(state: RegieState, ctx: PurgeContext, known: ReadonlyMap<string, readonly StoredFlag[]>): RegieState {
  const purgers = purgeStateSlices(known);
  const out: Partial<Record<keyof RegieState, unknown>> = {};
  for (const key of Object.keys(purgers) as (keyof RegieState)[])
    out[key] = (purgers[key] as (v: unknown, c: PurgeContext) => unknown)(state[key], ctx);
  return out as RegieState;
}
