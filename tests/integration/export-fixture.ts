import { TestParticipant } from '../../src/hub/testing/clients';
import { cleanText } from '../../src/shared/protocol/clean-text';
import type { ViewState } from '../../src/shared/api/state';
import { zonedToEpoch } from '../../src/shared/domain/zoned-time';
import { connectView, type CoreProcess, nextSnapshot, send } from './helpers';

/**
 * Real data for the export tests, made through a real core process and its embedded hub: a poll
 * voted from the room and from afar, a word cloud, and questions — hostile ones among them — that
 * moderators edit, merge, reject, answer, approve and shortlist.
 */

export const HOSTILE = {
  html: '<script>alert(document.cookie)</script><img src=x onerror=alert(1)>',
  rtl: 'Voir \u202Egnp.exe\u202C la pièce jointe',
  zeroWidth: 'Pro\u200Btec\u200Dtion de l’\uFEFFenfance',
  combining: 'Cafe\u0301 des parents, e\u0301ducateurs et \u1E69\u0323 ?',
  max: 'Q'.repeat(499) + '?',
  emoji: '👶🏽🏠❤️',
  hyperlink: '=HYPERLINK("http://evil","clic")',
  plusCmd: "+cmd|' /C calc'!A0",
  minus: '-1+1',
  atSum: '@SUM(A1)',
  quotes: 'Il a dit « oui »; puis "non", enfin\nune autre ligne',
} as const;
/** Refused by the hub (500 characters at most): it must not appear anywhere. */
export const TOO_LONG = 'x'.repeat(5000);

let n = 0;
const id = (what: string) => `exp-${what}-${String(++n).padStart(4, '0')}`;

export async function until<T>(
  get: () => Promise<T | undefined | null | false> | T | undefined | null | false,
  what: string,
  timeoutMs = 15_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await get();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`délai dépassé : ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The state as a control seat receives it now (a fresh snapshot). */
export async function stateOf(core: CoreProcess): Promise<ViewState> {
  const view = connectView(core.port, core.tokens.control);
  try {
    return (await nextSnapshot(view)).state;
  } finally {
    view.close();
  }
}

export async function buildExportData(core: CoreProcess): Promise<{ sent: Record<string, string> }> {
  const desk = connectView(core.port, core.tokens.control);
  await nextSnapshot(desk);
  const cmd = async (command: Record<string, unknown>) => {
    const r = await send(desk, { id: id(String(command.type).replace(/\W/g, '')), command });
    if (!r.ok) throw new Error(`${String(command.type)} refusée : ${r.error.message}`);
    return r;
  };
  // A second GO within a second is refused as a double press: try again until it passes. The show
  // runs faster than planned here: each GO is confirmed out of order, as the desk's dialog does.
  const go = (cueId: string) =>
    until(async () => {
      const r = await send(desk, { id: id('go'), command: { type: 'cue.go', cueId, outOfOrder: true } });
      if (!r.ok && !/deux appuis/.test(r.error.message)) throw new Error(`GO ${cueId} refusé : ${r.error.message}`);
      return r.ok;
    }, `GO ${cueId}`);
  const code = new URL(core.joinUrls[0] ?? 'http://x/').searchParams.get('e') ?? '';
  const hubPort = core.hubPort ?? 0;
  const room = await TestParticipant.join(hubPort, code, { origin: 'room' });
  const remote = await TestParticipant.join(hubPort, code, { origin: 'remote' });
  const room2 = await TestParticipant.join(hubPort, code, { origin: 'room' });
  try {
    await cmd({ type: 'clock.set', clock: { mode: 'rehearsal', at: zonedToEpoch({ date: '2021-06-24', time: '10:15' }, 'Europe/Paris') } });
    await go('j1-seq1-sondage-ouvrir');
    await until(
      () => room.state?.interaction?.id === 'charge-de-travail' && remote.state?.interaction?.id === 'charge-de-travail',
      'le sondage sur les téléphones',
    );
    for (const [p, choice] of [
      [room, 0],
      [remote, 2],
      [room2, 0],
    ] as const) {
      const ack = await p.vote('charge-de-travail', [choice]);
      if (!ack.ok) throw new Error(`vote refusé : ${JSON.stringify(ack)}`);
    }
    await until(async () => {
      const t = (await stateOf(core)).audience.tallies['charge-de-travail'];
      return t && t.voters.room + t.voters.remote === 3;
    }, 'les trois votes à la régie');
    await go('j1-seq1-sondage-fermer');
    await go('j1-seq1-questions-ouvrir');
    await until(() => room.state?.qa.open && remote.state?.qa.open, 'les questions ouvertes');

    const sent: Record<string, string> = {};
    const asks: [TestParticipant, keyof typeof HOSTILE, string | null][] = [
      [room, 'html', null],
      [remote, 'rtl', 'Marie'],
      [room, 'zeroWidth', null],
      [remote, 'combining', null],
      [room, 'max', null],
      [remote, 'emoji', null],
      [room, 'hyperlink', 'Jean-Édouard'],
      [remote, 'plusCmd', null],
      [room2, 'minus', null],
      [room2, 'atSum', null],
      [room2, 'quotes', '=cmd'],
    ];
    for (const [p, key, name] of asks) {
      const ack = await p.ask(HOSTILE[key], name ? { name } : {});
      if (!ack.ok) throw new Error(`question ${key} refusée : ${JSON.stringify(ack)}`);
      sent[key] = HOSTILE[key];
    }
    const tooLong = await room.ask(TOO_LONG);
    if (tooLong.ok) throw new Error('une question de 5 000 caractères a été acceptée');
    const state = await until(async () => {
      const s = await stateOf(core);
      return s.audience.questions.length >= asks.length ? s : null;
    }, 'les questions à la régie');
    // The hub forwards in the order it acknowledged: the régie's list is the order of asking.
    const q = (key: keyof typeof HOSTILE): string => {
      const found = state.audience.questions[asks.findIndex((a) => a[1] === key)];
      if (!found || found.text !== cleanText(HOSTILE[key])) throw new Error(`question ${key} introuvable`);
      return found.id;
    };
    // Screening, as moderators do it.
    await cmd({ type: 'question.edit', questionId: q('html'), text: 'Quelle place pour le script des familles ?' });
    await cmd({ type: 'question.approve', questionId: q('html') });
    await cmd({ type: 'question.merge', questionId: q('zeroWidth'), intoId: q('html') });
    await cmd({ type: 'question.reject', questionId: q('rtl') });
    await cmd({ type: 'question.approve', questionId: q('combining') });
    await cmd({ type: 'question.answered', questionId: q('combining'), answered: true });
    await cmd({ type: 'question.star', questionId: q('hyperlink'), starred: true });
    await cmd({ type: 'question.star', questionId: q('emoji'), starred: true });
    await cmd({ type: 'question.move', questionId: q('emoji'), beforeId: q('hyperlink') });
    await cmd({ type: 'question.approve', questionId: q('minus') });
    await cmd({
      type: 'question.add',
      text: '@SUM(A1) posée au micro : et les jeunes majeurs ?',
      name: 'Micro salle',
      sessionId: 'j1-seq1',
    });
    // Votes from the phones on a published (approved) question.
    await until(() => room.state?.questions.some((x) => x.id === q('html')), 'la question publiée sur les téléphones');
    for (const p of [room, remote, room2]) {
      const ack = await p.upvote(q('html'));
      if (!ack.ok) throw new Error(`vote pour la question refusé : ${JSON.stringify(ack)}`);
    }
    await until(
      async () => ((await stateOf(core)).audience.questions.find((x) => x.id === q('html'))?.upvotes ?? 0) >= 3,
      'les votes pour la question',
    );

    // The word cloud of the next session.
    await cmd({ type: 'clock.set', clock: { mode: 'rehearsal', at: zonedToEpoch({ date: '2021-06-24', time: '14:20' }, 'Europe/Paris') } });
    await go('j1-seq2-nuage-ouvrir');
    await until(
      () => room.state?.interaction?.id === 'securite-enfant' && remote.state?.interaction?.id === 'securite-enfant',
      'le nuage sur les téléphones',
    );
    for (const [p, words] of [
      [room, ['écoute', 'stabilité', '=1+1']],
      [remote, ['écoute', 'Confiance']],
      [room2, ['écoute', 'stabilité']],
    ] as const) {
      const ack = await p.words('securite-enfant', [...words]);
      if (!ack.ok) throw new Error(`mots refusés : ${JSON.stringify(ack)}`);
    }
    await until(async () => ((await stateOf(core)).audience.words['securite-enfant']?.['écoute'] ?? 0) === 3, 'les mots à la régie');
    return { sent };
  } finally {
    room.close();
    remote.close();
    room2.close();
    desk.close();
  }
}
