import { describe, expect, it } from 'vitest';
import { askMessageSchema } from '../../shared/protocol/participant-messages';
import { FIRST_NAMES, makeQuestion, QUESTIONS } from './questions';
import { createRng } from './rng';

describe('the questions of the rehearsal', () => {
  it('are about sixty, distinct, and each one a question the hub takes', () => {
    expect(QUESTIONS.length).toBeGreaterThanOrEqual(60);
    expect(new Set(QUESTIONS.map((q) => q.text)).size).toBe(QUESTIONS.length);
    for (const q of QUESTIONS) {
      const parsed = askMessageSchema.safeParse({ clientMsgId: 'c1', text: q.text });
      expect(parsed.success, q.text).toBe(true);
    }
    for (const name of FIRST_NAMES) expect(askMessageSchema.safeParse({ clientMsgId: 'c1', text: 'x', name }).success).toBe(true);
  });

  it('include near-duplicates and some with personal data (a name and a town, a phone number, an e-mail)', () => {
    expect(QUESTIONS.filter((q) => q.kind === 'near-duplicate').length).toBeGreaterThanOrEqual(4);
    const personal = QUESTIONS.filter((q) => q.kind === 'personal').map((q) => q.text);
    expect(personal.length).toBeGreaterThanOrEqual(4);
    expect(personal.some((t) => /\b0[1-9](?: \d\d){4}\b/.test(t))).toBe(true);
    expect(personal.some((t) => /@example\.org/.test(t))).toBe(true);
    // Fiction ranges only (ARCEP): nobody real gets called by a rehearsal.
    for (const t of personal) for (const phone of t.match(/\b0[1-9](?: \d\d){4}\b/g) ?? []) expect(phone).toMatch(/^(01 99 00|06 39 98)/);
  });

  it('are the same for the same seed, and varied across a run', () => {
    const a = createRng(7);
    const b = createRng(7);
    const runA = Array.from({ length: 50 }, () => makeQuestion(a));
    const runB = Array.from({ length: 50 }, () => makeQuestion(b));
    expect(runA).toEqual(runB);
    expect(new Set(runA.map((q) => q.text)).size).toBeGreaterThan(30);
    expect(runA.some((q) => q.name !== null)).toBe(true);
    expect(runA.some((q) => q.name === null)).toBe(true);
    for (const q of runA) expect(askMessageSchema.safeParse({ clientMsgId: 'c', text: q.text }).success).toBe(true);
  });

  it('keep personal-data questions word for word (the flags must see what was typed)', () => {
    const rng = createRng(3);
    const seen = Array.from({ length: 500 }, () => makeQuestion(rng)).filter((q) => q.kind === 'personal');
    expect(seen.length).toBeGreaterThan(0);
    const originals = new Set(QUESTIONS.filter((q) => q.kind === 'personal').map((q) => q.text));
    for (const q of seen) expect(originals.has(q.text)).toBe(true);
  });
});
