/**
 * The one entry point of safeguarding: every text that can reach a screen, a phone or an export
 * (a question, a display name, a moderator's edit, a typed-in question, a word-cloud word, the
 * stage message) goes through `detectPersonalData`. Recall first: a false flag costs a moderator
 * one key, a miss puts a child's name in front of 2,000 people.
 *
 * INTERIM: this first version adapts the older checks (question-flags.ts) to spans; issue 15's
 * detector (normalisation, maintained French data, family names, addresses, dates of birth,
 * case numbers, obfuscated e-mails and phones) replaces its body behind the same signature.
 */
import type { PersonalDataKind, PersonalDataSpan, TextField } from '../../shared/domain/personal-data';
import { flagQuestion, flagWords, type FlagKind, type ModerationLists } from '../moderation/question-flags';

const KIND_OF: Record<FlagKind, PersonalDataKind> = {
  profanity: 'profanity',
  email: 'email',
  phone: 'phone',
  name: 'given-name',
  long: 'long',
};

export function detectPersonalData(text: string, field: TextField, lists: ModerationLists): PersonalDataSpan[] {
  const flags = field === 'word' ? flagWords([text], lists) : flagQuestion(text, lists);
  const spans: PersonalDataSpan[] = [];
  for (const f of flags) {
    if (f.kind === 'long') {
      spans.push({ kind: 'long', start: 0, end: text.length, match: text });
      continue;
    }
    let from = 0;
    for (;;) {
      const start = text.indexOf(f.match, from);
      if (start < 0) break;
      spans.push({ kind: KIND_OF[f.kind], start, end: start + f.match.length, match: f.match });
      from = start + f.match.length;
    }
  }
  return spans.sort((a, b) => a.start - b.start);
}
