import { joinPhone } from '../integration/room-presence';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page, TestInfo } from '@playwright/test';
import { applyPatchOps } from '../../src/shared/api/apply-patch';
import type { ViewState } from '../../src/shared/api/state';
import type { Scene, SceneKind, Transition } from '../../src/shared/domain/scene';
import { zonedToEpoch } from '../../src/shared/domain/zoned-time';
import { connectView, nextSnapshot, send, spawnCore } from '../integration/helpers';
import { type CoreFixture, test, expect } from './fixtures';
import { programOf } from '../../src/shared/api/room-bus';

// The program bus on the output page, end to end: scenes composed in preview and TAKEn by a
// control seat (a Node socket, as a desk would), drawn by the real output page in Chromium at
// 1920×1080. Every wait is on a signal: the stage says what it shows (data-scene, data-take)
// and whether a transition is still running (data-state="idle" once settled).

const day1 = (time: string) => zonedToEpoch({ date: '2021-06-24', time }, 'Europe/Paris');
const day2 = (time: string) => zonedToEpoch({ date: '2021-06-25', time }, 'Europe/Paris');

// The page's DOM as far as these checks use it (the Node project compiles without the DOM types).
interface Rect {
  left: number;
  top: number;
  right: number;
  bottom: number;
  width: number;
  height: number;
}
interface PageElement {
  dataset: Record<string, string | undefined>;
  parentElement: PageElement;
  textContent: string | null;
  complete?: boolean;
  naturalWidth?: number;
  scrollHeight: number;
  clientHeight: number;
  scrollWidth: number;
  clientWidth: number;
  getBoundingClientRect(): Rect;
  querySelector(selector: string): PageElement | null;
  getAnimations(): {
    transitionProperty?: string;
    effect: { getTiming(): { duration: unknown }; getKeyframes(): { opacity?: unknown }[] } | null;
  }[];
}
/** A layer's fade as the browser runs it, seen when the layer starts entering. */
type Fade = { take: number; property: string; duration: unknown; from: unknown; to: unknown };
type Frame = { t: number; layers: { scene: string; take: number; phase: string; opacity: number; qrReady: boolean }[] };
interface PageWindow {
  document: {
    querySelector(selector: string): PageElement | null;
    querySelectorAll(selector: string): Iterable<PageElement>;
    getAnimations(): { playState: string }[];
  };
  getComputedStyle(el: PageElement): { opacity: string; backgroundColor: string; backgroundImage: string; fontSize: string };
  requestAnimationFrame(callback: () => void): number;
  performance: { now(): number };
  frames_: Frame[];
  fades_: Fade[];
  MutationObserver: new (cb: (records: { target: unknown }[]) => void) => {
    observe(target: unknown, options: Record<string, unknown>): void;
  };
}

interface Desk {
  cmd: (command: unknown) => Promise<void>;
  /** Sends a command that the core must refuse; returns its message. */
  refused: (command: unknown) => Promise<string>;
  state: () => ViewState;
  close: () => void;
}

/** A control seat: mirrors the state (snapshot, then patches) and sends commands. */
async function openDesk(core: Pick<CoreFixture, 'port' | 'tokens'>): Promise<Desk> {
  const seat = connectView(core.port, core.tokens.control);
  let state = (await nextSnapshot(seat)).state;
  seat.on('patch', (p) => (state = applyPatchOps(state, p.ops)));
  const prefix = randomBytes(4).toString('hex');
  let n = 0;
  const raw = (command: unknown) => send(seat, { id: `program-${prefix}-${n++}`, command });
  return {
    cmd: async (command) => expect(await raw(command), JSON.stringify(command)).toMatchObject({ ok: true }),
    refused: async (command) => {
      const r = await raw(command);
      expect(r.ok, JSON.stringify(command)).toBe(false);
      return r.ok ? '' : r.error.message;
    },
    state: () => state,
    close: () => seat.close(),
  };
}

const stageOf = (page: Page) => page.getByTestId('output-stage');
/** The layer the audience sees once the stage has settled (the only one left). */
const onAir = (page: Page) => page.locator('.program-layer[data-layer-phase="shown"]');

/** Waits until the output shows `take` (of `kind`), the transition over. */
async function settled(page: Page, take: number, kind: SceneKind): Promise<void> {
  const stage = stageOf(page);
  await expect(stage).toHaveAttribute('data-take', String(take));
  await expect(stage).toHaveAttribute('data-scene', kind);
  await expect(stage).toHaveAttribute('data-state', 'idle');
  await expect(page.locator('.program-layer')).toHaveCount(1);
}

/** Preview, then TAKE; returns the take now on air (the output not waited for). */
async function take(desk: Desk, scene: Scene, transition?: Transition): Promise<number> {
  const before = programOf(desk.state()).take;
  await desk.cmd({ type: 'program.preview', scene });
  await desk.cmd({ type: 'program.take', ...(transition ? { transition } : {}) });
  await expect.poll(() => programOf(desk.state()).take).toBe(before + 1);
  return before + 1;
}

async function takeAndSettle(desk: Desk, page: Page, scene: Scene, transition?: Transition): Promise<number> {
  const n = await take(desk, scene, transition);
  await settled(page, n, scene.kind);
  return n;
}

async function shot(page: Page, testInfo: TestInfo, name: string, opts: { omitBackground?: boolean } = {}): Promise<void> {
  const path = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path, animations: 'disabled', ...opts });
  await testInfo.attach(name, { path, contentType: 'image/png' });
}

/** The element's content fits in it (nothing cut at the bottom or the right). */
async function fits(page: Page, selector: string): Promise<boolean> {
  return page
    .locator(selector)
    .evaluate((el: PageElement) => el.scrollHeight <= el.clientHeight + 1 && el.scrollWidth <= el.clientWidth + 1);
}

function eventCode(core: CoreFixture): string {
  const code = new URL(core.joinUrls[0]!).searchParams.get('e');
  if (!code) throw new Error('no event code in the join address');
  return code;
}

test('every scene, previewed then taken, drawn at 1920×1080', async ({ page, core }, testInfo) => {
  const desk = await openDesk(core);
  await page.goto(core.outputUrl);
  // The default: the event's holding screen, never a black void.
  await settled(page, 0, 'holding');
  await expect(onAir(page).getByTestId('event-name')).toContainText('Assises');
  await shot(page, testInfo, '01-holding');

  await takeAndSettle(desk, page, {
    kind: 'message',
    title: 'Information',
    text: "Le déjeuner est servi dans le Grand Hall : retour en salle à 14 h 00 ! N'oubliez pas vos badges.",
  });
  await expect(page.getByTestId('message-title')).toHaveText('Information');
  // French typography: no-break space before « : », narrow one before « ! », curly apostrophe, the time on one line.
  await expect(page.getByTestId('message-text')).toHaveText(
    'Le déjeuner est servi dans le Grand Hall\u00a0: retour en salle à 14\u00a0h\u00a000\u202f! N’oubliez pas vos badges.',
  );
  await shot(page, testInfo, '02-message');

  // A long message shrinks until it fits: never cut, never overflowing.
  const long = Array.from(
    { length: 7 },
    () => 'Les ateliers de l’après-midi se tiennent au niveau 2 ; suivez la signalétique « Ateliers ».',
  )
    .join(' ')
    .slice(0, 500);
  await takeAndSettle(desk, page, { kind: 'message', title: 'Organisation des ateliers de l’après-midi', text: long });
  expect(Number(await page.locator('.message-body').getAttribute('data-fit'))).toBeGreaterThan(0);
  expect(await fits(page, '.message-body')).toBe(true);
  expect(await fits(page, '.scene-message')).toBe(true);
  await shot(page, testInfo, '03-message-long');

  // The rehearsal clock of the demo shows about 8 h 50: « Reprise à 9 h 00 », some 10 minutes to go.
  await takeAndSettle(desk, page, { kind: 'countdown', until: day1('09:00'), caption: 'Ouverture des Assises' });
  await expect(page.getByTestId('countdown-title')).toHaveText('Reprise à 9\u00a0h\u00a000');
  await expect(page.getByTestId('countdown-caption')).toHaveText('Ouverture des Assises');
  await expect(page.getByTestId('countdown-clock')).toHaveText(/^(10:00|0\d:\d\d)$/);
  await shot(page, testInfo, '04-countdown');
  await takeAndSettle(desk, page, { kind: 'countdown', until: day1('08:00') });
  await expect(page.getByTestId('countdown-clock')).toHaveText('Reprise imminente');
  await shot(page, testInfo, '05-countdown-imminent');

  await takeAndSettle(desk, page, { kind: 'join' });
  await expect(page.getByTestId('join-url')).toHaveText(core.joinUrls[0]!);
  await expect(page.getByTestId('join-code')).toHaveText(`Code\u00a0: ${eventCode(core)}`);
  const qr = page.getByTestId('join-qr');
  await expect(qr).toHaveAttribute('data-loaded', 'true');
  const qrBox = await qr.boundingBox();
  expect(qrBox!.height, 'a QR code readable from far away').toBeGreaterThan(800);
  await shot(page, testInfo, '06-join');

  // A poll prepared with ten long options and a long question: everything shrinks to fit.
  const options = Array.from({ length: 10 }, (_, i) =>
    `Option ${i + 1} : une réponse assez longue pour tenir sur toute une ligne de l’écran`.slice(0, 120),
  );
  const question =
    'Parmi les dispositifs suivants, lesquels ont, selon vous, le plus contribué à sécuriser le parcours des enfants accueillis et de leurs familles pendant la crise sanitaire et après ?';
  await desk.cmd({
    type: 'edit.interaction.save',
    interaction: { kind: 'poll', id: 'dix-options', type: 'multiple', question, options, maxChoices: 3 },
  });
  await takeAndSettle(desk, page, { kind: 'poll', interactionId: 'dix-options' });
  await expect(page.getByTestId('poll-row')).toHaveCount(10);
  expect(await fits(page, '.poll-body')).toBe(true);
  expect(await fits(page, '.scene-poll')).toBe(true);
  await shot(page, testInfo, '07b-poll-ten-options');

  await takeAndSettle(desk, page, { kind: 'black' });
  // Black is black: nothing drawn, no text.
  expect(await onAir(page).evaluate((el: PageElement) => (globalThis as unknown as PageWindow).getComputedStyle(el).backgroundColor)).toBe(
    'rgb(0, 0, 0)',
  );
  expect((await onAir(page).innerText()).trim()).toBe('');
  await shot(page, testInfo, '07-black');
  desk.close();
});

test('a poll: hidden until revealed, then bars that match the tally, live', async ({ browser, page, core }, testInfo) => {
  const desk = await openDesk(core);
  const obs = await browser.newPage();
  await page.goto(core.outputUrl);
  await obs.goto(`${core.outputUrl}&mode=obs`);
  await settled(page, 0, 'holding');

  // The cue of the flash poll opens it on the phones (10 h 15 in rehearsal, as in audience.spec.ts).
  await desk.cmd({ type: 'clock.set', clock: { mode: 'rehearsal', at: day1('10:15') } });
  await desk.cmd({ type: 'cue.go', cueId: 'j1-seq1-sondage-ouvrir' });
  const code = eventCode(core);
  const votes: [origin: 'room' | 'remote', choice: number][] = [
    ['room', 0],
    ['room', 0],
    ['room', 0],
    ['room', 1],
    ['room', 0],
    ['remote', 2],
    ['remote', 2],
    ['remote', 0],
    ['room', 1],
  ];
  const people = await Promise.all(votes.map(([origin]) => joinPhone(core, code, { origin })));
  await Promise.all(people.map((p) => expect.poll(() => p.state?.interaction?.id).toBe('charge-de-travail')));

  const n = await take(desk, { kind: 'poll', interactionId: 'charge-de-travail' });
  await settled(page, n, 'poll');
  await settled(obs, n, 'poll');
  // hideResultsUntilReveal: the question, « Résultats à venir », the number of responses only.
  await expect(page.getByTestId('poll-question')).toHaveText('Depuis la crise sanitaire, votre charge de travail a…');
  await expect(page.getByTestId('poll-hidden')).toHaveText('Résultats à venir');
  await expect(page.getByTestId('poll-voters')).toHaveText('0\u00a0réponse');
  for (const [i, p] of people.entries()) expect(await p.vote('charge-de-travail', [votes[i]![1]])).toMatchObject({ ok: true });
  await expect(page.getByTestId('poll-voters')).toHaveText('9\u00a0réponses');
  await expect(page.getByTestId('poll-bars')).toHaveCount(0);
  await expect(page.getByTestId('poll-status')).toHaveText('Votez maintenant');
  await shot(page, testInfo, '08-poll-hidden');

  // Closed, then revealed by the cue that follows (after its 5 s pre-wait): the bars, on the same take.
  await desk.cmd({ type: 'cue.go', cueId: 'j1-seq1-sondage-fermer', outOfOrder: true });
  await expect.poll(() => desk.state().live.interactions['charge-de-travail']?.revealed, { timeout: 15_000 }).toBe(true);
  await expect(page.getByTestId('poll-row')).toHaveCount(4);
  const tally = desk.state().audience.tallies['charge-de-travail']!;
  const rows = page.getByTestId('poll-row');
  const expected = [
    { count: 5, percent: 56 },
    { count: 2, percent: 22 },
    { count: 2, percent: 22 },
    { count: 0, percent: 0 },
  ];
  for (const [i, e] of expected.entries()) {
    const c = tally.counts[String(i)] ?? { room: 0, remote: 0 };
    expect(c.room + c.remote, 'the journal’s tally').toBe(e.count);
    await expect(rows.nth(i)).toHaveAttribute('data-count', String(e.count));
    await expect(rows.nth(i).getByTestId('poll-percent')).toHaveText(`${e.percent}\u202f%`);
    await expect(rows.nth(i).getByTestId('poll-count')).toHaveText(`${e.count}\u00a0voix`);
  }
  // The bars' lengths are the shares of the votes (9 voters, one answer each).
  await page.waitForFunction(() => (globalThis as unknown as PageWindow).document.getAnimations().every((a) => a.playState !== 'running'));
  const widths = await page
    .locator('.poll-fill')
    .evaluateAll((els: PageElement[]) =>
      els.map((el) => el.getBoundingClientRect().width / el.parentElement.getBoundingClientRect().width),
    );
  expect(widths.map((w) => Math.round(w * 90) / 10)).toEqual([5, 2, 2, 0]);
  await expect(page.getByTestId('poll-voters')).toHaveText('9\u00a0réponses · 6\u00a0salle · 3\u00a0distance');
  await expect(page.getByTestId('poll-status')).toHaveText('Vote clos');
  expect(programOf(desk.state()).take, 'revealed on air, without a new TAKE').toBe(n);
  await shot(page, testInfo, '09-poll-revealed');
  await expect(obs.getByTestId('poll-row')).toHaveCount(4);
  await shot(obs, testInfo, '10-poll-obs', { omitBackground: true });

  // A rating poll whose results are not hidden: the bars follow the votes live, and the mean.
  await desk.cmd({ type: 'clock.set', clock: { mode: 'rehearsal', at: day2('11:20') } });
  await desk.cmd({ type: 'cue.go', cueId: 'j2-risque-sondage-ouvrir' });
  await Promise.all(people.map((p) => expect.poll(() => p.state?.interaction?.id).toBe('peur-de-l-erreur')));
  const m = await take(desk, { kind: 'poll', interactionId: 'peur-de-l-erreur' }, { kind: 'cut', durationMs: 0 });
  await settled(page, m, 'poll');
  const ratings = [4, 4, 5, 3, 4, 2, 5, 4, 1];
  const rate = (i: number) => people[i]!.send('poll.vote', { pollId: 'peur-de-l-erreur', rating: ratings[i] });
  // The first three, then the others: the bars move on air, without a new TAKE.
  for (const i of [0, 1, 2]) expect(await rate(i)).toMatchObject({ ok: true });
  await expect(page.getByTestId('poll-voters')).toContainText('3\u00a0réponses');
  await expect(page.getByTestId('poll-row').nth(3)).toHaveAttribute('data-count', '2');
  for (const r of await Promise.all(people.slice(3).map((_, k) => rate(k + 3)))) expect(r).toMatchObject({ ok: true });
  await expect(page.getByTestId('poll-voters')).toContainText('9\u00a0réponses');
  await expect(page.getByTestId('poll-row').nth(3)).toHaveAttribute('data-count', '4');
  await expect(page.getByTestId('poll-row').nth(0)).toContainText('1 · pas du tout');
  await expect(page.getByTestId('poll-mean')).toHaveText('Moyenne\u00a0: 3,6\u00a0/\u00a05');
  await shot(page, testInfo, '11-poll-rating');
  for (const p of people) p.close();
  await obs.close();
  desk.close();
});

test('a word cloud of some forty words: sized by frequency, no overlap, stable as it grows', async ({ page, core }, testInfo) => {
  const desk = await openDesk(core);
  await page.goto(core.outputUrl);
  await settled(page, 0, 'holding');
  await desk.cmd({ type: 'clock.set', clock: { mode: 'rehearsal', at: day1('14:10') } });
  await desk.cmd({ type: 'cue.go', cueId: 'j1-seq2-nuage-ouvrir' });

  const frequent: [string, number][] = [
    ['confiance', 12],
    ['stabilité', 9],
    ['écoute', 8],
    ['repères', 7],
    ['amour', 6],
    ['lien', 5],
    ['protection', 5],
    ['continuité', 4],
    ['respect', 4],
    ['cadre', 3],
    ['attachement', 3],
    ['présence', 3],
  ];
  const rare = [
    'maison',
    'famille',
    'sommeil',
    'routine',
    'tendresse',
    'dignité',
    'parole',
    'refuge',
    'prévisibilité',
    'cohérence',
    'disponibilité',
    'sérénité',
    'patience',
    'fiabilité',
    'accueil',
    'bienveillance',
    'chaleur',
    'soin',
    'permanence',
    'droits',
    'adulte',
    'regard',
    'rituel',
    'fratrie',
    'école',
    'jeu',
    'sécurité affective',
    'temps',
  ];
  // Dealt round-robin to the participants: each sends at most 3 words, never the same twice.
  const deck = [...frequent.flatMap(([w, c]) => Array<string>(c).fill(w)), ...rare];
  const people = Math.ceil(deck.length / 3);
  const hands: string[][] = Array.from({ length: people }, () => []);
  deck.forEach((w, i) => hands[i % people]!.push(w));
  const code = eventCode(core);
  const senders = await Promise.all(hands.map(() => joinPhone(core, code)));
  await Promise.all(senders.map((p) => expect.poll(() => p.state?.interaction?.id).toBe('securite-enfant')));
  for (const [i, p] of senders.entries()) expect(await p.words('securite-enfant', hands[i]!), hands[i]!.join()).toMatchObject({ ok: true });
  const distinct = frequent.length + rare.length;
  await expect.poll(() => Object.keys(desk.state().audience.words['securite-enfant'] ?? {}).length).toBe(distinct);

  await takeAndSettle(desk, page, { kind: 'wordcloud', interactionId: 'securite-enfant' });
  await expect(page.getByTestId('cloud-prompt')).toHaveText('En un mot, la sécurité pour un enfant, c’est…');
  await expect(page.getByTestId('cloud-word')).toHaveCount(distinct);
  const boxes = async () =>
    page.getByTestId('cloud-word').evaluateAll((els: PageElement[]) => {
      const w = globalThis as unknown as PageWindow;
      const area = els[0]!.parentElement.getBoundingClientRect();
      return {
        area: {
          left: area.left,
          top: area.top,
          right: area.right,
          bottom: area.bottom,
          cx: area.left + area.width / 2,
          cy: area.top + area.height / 2,
        },
        words: els.map((el) => {
          const r = el.getBoundingClientRect();
          return {
            text: el.textContent ?? '',
            left: r.left,
            top: r.top,
            right: r.right,
            bottom: r.bottom,
            size: parseFloat(w.getComputedStyle(el).fontSize),
          };
        }),
      };
    });
  type Boxes = Awaited<ReturnType<typeof boxes>>;
  const clean = (b: Boxes) => {
    for (const w of b.words) {
      expect(w.left, w.text).toBeGreaterThanOrEqual(b.area.left - 1);
      expect(w.right, w.text).toBeLessThanOrEqual(b.area.right + 1);
      expect(w.top, w.text).toBeGreaterThanOrEqual(b.area.top - 1);
      expect(w.bottom, w.text).toBeLessThanOrEqual(b.area.bottom + 1);
    }
    for (const [i, a] of b.words.entries()) {
      for (const c of b.words.slice(i + 1)) {
        const overlap = a.left < c.right - 0.5 && c.left < a.right - 0.5 && a.top < c.bottom - 0.5 && c.top < a.bottom - 0.5;
        expect(overlap, `${a.text} / ${c.text}`).toBe(false);
      }
    }
  };
  const first = await boxes();
  clean(first);
  const size = (b: Boxes, text: string) => b.words.find((w) => w.text === text)!.size;
  expect(size(first, 'confiance')).toBeGreaterThan(size(first, 'stabilité'));
  expect(size(first, 'stabilité')).toBeGreaterThan(size(first, 'maison'));
  await expect(page.getByTestId('cloud-total')).toHaveText(`${deck.length}\u00a0mots envoyés`);
  await shot(page, testInfo, '12-wordcloud');

  // More words arrive: the words already there keep their place (at most the whole cloud zooms out).
  const late = ['humour', 'nature', 'musique', 'voisins', 'copains', 'doudou', 'lecture', 'cuisine', 'vélo', 'dessin', 'sport', 'chien'];
  const more = await Promise.all(late.map(() => joinPhone(core, code)));
  await Promise.all(more.map((p) => expect.poll(() => p.state?.interaction?.id).toBe('securite-enfant')));
  for (const [i, p] of more.entries()) expect(await p.words('securite-enfant', [late[i]!])).toMatchObject({ ok: true });
  await expect(page.getByTestId('cloud-word')).toHaveCount(distinct + late.length);
  await page.waitForFunction(() => (globalThis as unknown as PageWindow).document.getAnimations().every((a) => a.playState !== 'running'));
  const second = await boxes();
  clean(second);
  // A zoom keeps each word's offset from the centre in proportion to its size.
  const rel = (b: Boxes, text: string) => {
    const w = b.words.find((x) => x.text === text)!;
    return { x: ((w.left + w.right) / 2 - b.area.cx) / w.size, y: ((w.top + w.bottom) / 2 - b.area.cy) / w.size };
  };
  for (const w of first.words) {
    const a = rel(first, w.text);
    const b = rel(second, w.text);
    expect(Math.abs(a.x - b.x) + Math.abs(a.y - b.y), w.text).toBeLessThan(0.05);
  }
  await shot(page, testInfo, '13-wordcloud-grown');
  for (const p of [...senders, ...more]) p.close();
  desk.close();
});

test('TAKE with a fade, panic and restore, lock, and a reload mid-show', async ({ page, core }, testInfo) => {
  const desk = await openDesk(core);
  await page.goto(core.outputUrl);
  await settled(page, 0, 'holding');
  await desk.cmd({ type: 'program.transition', transition: { kind: 'fade', durationMs: 800 } });

  // Every frame, in the page: each layer's phase and opacity, and whether a join scene that can
  // be seen has its QR code loaded (a half-built scene would show without it).
  await page.evaluate(() => {
    const w = globalThis as unknown as PageWindow;
    w.frames_ = [];
    const sample = () => {
      const layers = [...w.document.querySelectorAll('.program-layer')].map((el) => {
        const img = el.querySelector('[data-testid="join-qr"]');
        return {
          scene: el.dataset.scene ?? '',
          take: Number(el.dataset.take),
          phase: el.dataset.layerPhase ?? '',
          opacity: Number(w.getComputedStyle(el).opacity),
          qrReady: !!img && !!img.complete && (img.naturalWidth ?? 0) > 0,
        };
      });
      w.frames_.push({ t: w.performance.now(), layers });
      w.requestAnimationFrame(sample);
    };
    w.requestAnimationFrame(sample);
    // The moment a layer starts entering, the transitions the browser runs on it (no frame needed:
    // reading them brings the style up to date).
    w.fades_ = [];
    new w.MutationObserver((records) => {
      for (const { target } of records) {
        const el = target as PageElement;
        if (el.dataset.layerPhase !== 'entering') continue;
        for (const a of el.getAnimations()) {
          const frames = a.effect?.getKeyframes() ?? [];
          w.fades_.push({
            take: Number(el.dataset.take),
            property: a.transitionProperty ?? '',
            duration: a.effect?.getTiming().duration,
            from: frames[0]?.opacity,
            to: frames.at(-1)?.opacity,
          });
        }
      }
    }).observe(w.document, { subtree: true, attributes: true, attributeFilter: ['data-layer-phase'] });
  });
  const frames = async (): Promise<Frame[]> => page.evaluate(() => (globalThis as unknown as PageWindow).frames_);
  /** The first frame painted after now (the DOM may have changed since the last one sampled). */
  const nextFrame = async (): Promise<Frame> => {
    const now = await page.evaluate(() => (globalThis as unknown as PageWindow).performance.now());
    await page.waitForFunction((t) => ((globalThis as unknown as PageWindow).frames_.at(-1)?.t ?? 0) > t, now);
    return (await frames()).at(-1)!;
  };

  const join = await take(desk, { kind: 'join' });
  await settled(page, join, 'join');
  const fade = (await frames()).filter((f) => f.layers.some((l) => l.take === join));
  // Built hidden, then faded in over the holding screen, which stayed until the join scene was complete.
  expect(fade.some((f) => f.layers.some((l) => l.take === join && l.phase === 'building' && l.opacity === 0))).toBe(true);
  // The fade: the browser's own transition on the layer, 800 ms from 0 to 1, seen as the layer
  // started entering. (How many frames a machine paints during it is its speed, not the output's:
  // a loaded machine painted none in the middle of it, so frames are not counted here.)
  const fades = await page.evaluate(() => (globalThis as unknown as PageWindow).fades_);
  expect(fades).toContainEqual({ take: join, property: 'opacity', duration: 800, from: '0', to: '1' });
  // Frames painted during the fade, if any, rise from 0 to 1.
  const opacities = fade.flatMap((f) => f.layers.filter((l) => l.take === join).map((l) => l.opacity));
  expect(opacities).toEqual([...opacities].sort((a, b) => a - b));
  for (const f of fade) {
    for (const l of f.layers)
      if (l.scene === 'join' && l.opacity > 0) expect(l.qrReady, 'the QR code is there from the first visible frame').toBe(true);
  }
  // Once over, one scene only, fully opaque: never two scenes half-visible.
  const last = await nextFrame();
  expect(last.layers).toEqual([expect.objectContaining({ scene: 'join', take: join, phase: 'shown', opacity: 1 })]);
  await shot(page, testInfo, '14-after-fade');

  // Panic: the holding screen at once (no build, no fade), the join scene gone in the same frame.
  const sinceMark = await page.evaluate(() => (globalThis as unknown as PageWindow).performance.now());
  await desk.cmd({ type: 'program.panic' });
  await settled(page, join + 1, 'holding');
  await nextFrame();
  const panicFrames = (await frames()).filter((f) => f.t >= sinceMark && f.layers.some((l) => l.scene === 'holding'));
  expect(panicFrames[0]!.layers).toEqual([expect.objectContaining({ scene: 'holding', phase: 'shown', opacity: 1 })]);
  expect(programOf(desk.state()).panicFrom).toEqual({ kind: 'join' });
  await shot(page, testInfo, '15-panic');
  // Restore: the scene that was on air comes back.
  await desk.cmd({ type: 'program.restore' });
  await settled(page, join + 2, 'join');
  await expect(page.getByTestId('join-qr')).toHaveAttribute('data-loaded', 'true');

  // Locked: a TAKE is refused, the output does not move; panic still works.
  await desk.cmd({ type: 'program.preview', scene: { kind: 'message', text: 'Ne doit pas passer' } });
  await desk.cmd({ type: 'program.lock', locked: true });
  expect(await desk.refused({ type: 'program.take' })).toMatch(/verrouillée/);
  await settled(page, join + 2, 'join');
  await desk.cmd({ type: 'program.lock', locked: false });

  // A reload mid-show comes back to exactly what is on air.
  const msg = await takeAndSettle(desk, page, { kind: 'message', title: 'Reprise', text: 'Merci de regagner vos places.' });
  await page.reload();
  await settled(page, msg, 'message');
  await expect(page.getByTestId('message-text')).toHaveText('Merci de regagner vos places.');
  // …and in panic to black, black.
  await desk.cmd({ type: 'program.panic', to: 'black' });
  await settled(page, msg + 1, 'black');
  await page.reload();
  await settled(page, msg + 1, 'black');
  await desk.cmd({ type: 'program.restore' });
  await settled(page, msg + 2, 'message');
  desk.close();
});

test('the stream encoder page (mode=obs): transparent, lower thirds, 16:9', async ({ page, core }, testInfo) => {
  const desk = await openDesk(core);
  await page.goto(`${core.outputUrl}&mode=obs`);
  await settled(page, 0, 'holding');
  const backgrounds = await page.evaluate(() => {
    const w = globalThis as unknown as PageWindow;
    return ['html', 'body', '.stage-viewport', '.stage', '.program-layer'].map((sel) => {
      const style = w.getComputedStyle(w.document.querySelector(sel)!);
      return `${sel}: ${style.backgroundColor} ${style.backgroundImage}`;
    });
  });
  expect(backgrounds).toEqual(
    ['html', 'body', '.stage-viewport', '.stage', '.program-layer'].map((sel) => `${sel}: rgba(0, 0, 0, 0) none`),
  );
  // The holding screen: a discreet lower third with the event and the session on now (8 h 50: the welcome).
  await expect(page.getByTestId('obs-holding')).toContainText('Assises 2021');
  await expect(page.getByTestId('obs-session')).toHaveText('Accueil des participants');
  const band = await page.getByTestId('obs-holding').boundingBox();
  expect(band!.y + band!.height).toBeGreaterThan(900); // low in the frame
  expect(band!.height).toBeLessThan(200);
  await shot(page, testInfo, '16-obs-holding', { omitBackground: true });

  await takeAndSettle(desk, page, {
    kind: 'message',
    title: 'À distance',
    text: 'Posez vos questions sur la page de participation : elles sont lues en fin de séquence.',
  });
  const msg = await page.getByTestId('scene-message').boundingBox();
  expect(msg!.y).toBeGreaterThan(540); // a band in the lower half, the picture above stays free
  expect(await fits(page, '.scene-message')).toBe(true);
  await shot(page, testInfo, '17-obs-message', { omitBackground: true });

  // The other scenes on the stream: a one-line countdown, a smaller QR code, the cloud on a dark panel, black as nothing.
  await takeAndSettle(desk, page, { kind: 'countdown', until: day1('09:00'), caption: 'Ouverture des Assises' });
  await shot(page, testInfo, '18-obs-countdown', { omitBackground: true });
  await takeAndSettle(desk, page, { kind: 'join' });
  await expect(page.getByTestId('join-qr')).toHaveAttribute('data-loaded', 'true');
  expect(await fits(page, '.scene-join')).toBe(true);
  await shot(page, testInfo, '19-obs-join', { omitBackground: true });
  await takeAndSettle(desk, page, { kind: 'wordcloud', interactionId: 'securite-enfant' });
  await shot(page, testInfo, '20-obs-wordcloud-empty', { omitBackground: true });
  await takeAndSettle(desk, page, { kind: 'black' });
  expect(await onAir(page).evaluate((el: PageElement) => (globalThis as unknown as PageWindow).getComputedStyle(el).backgroundColor)).toBe(
    'rgba(0, 0, 0, 0)',
  );

  // The stage keeps 16:9 in any window.
  await page.setViewportSize({ width: 1280, height: 1000 });
  const stage = await stageOf(page).boundingBox();
  expect(stage!.width / stage!.height).toBeCloseTo(16 / 9, 2);
  desk.close();
});

test('without a join address, the join scene says so instead of an empty QR code', async ({ page }, testInfo) => {
  // A régie whose remote hub cannot be reached: no address to offer.
  const dataDir = mkdtempSync(join(tmpdir(), 'pupitre-e2e-'));
  const core = await spawnCore(dataDir, ['--hub-url', 'http://127.0.0.1:9', '--hub-token', 'jeton-de-test-du-hub-injoignable']);
  try {
    expect(core.joinUrls).toEqual([]);
    const desk = await openDesk(core);
    await page.goto(`http://127.0.0.1:${core.port}/output?token=${core.tokens.output}`);
    await settled(page, 0, 'holding');
    await takeAndSettle(desk, page, { kind: 'join' });
    await expect(page.getByTestId('join-missing')).toHaveText('Adresse de participation indisponible');
    await expect(page.getByTestId('join-qr')).toHaveCount(0);
    await shot(page, testInfo, '21-join-missing');
    desk.close();
  } finally {
    core.child.kill('SIGTERM');
    await core.exited;
    rmSync(dataDir, { recursive: true, force: true });
  }
});
