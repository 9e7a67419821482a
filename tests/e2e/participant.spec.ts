import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type Browser, type BrowserContext, expect, type Page, type TestInfo, test } from '@playwright/test';
import { type RunningHub, startHub } from '../../src/hub/hub';
import type { HubOptions } from '../../src/hub/options';
import { TestParticipant, TestRegie } from '../../src/hub/testing/clients';
import type { AudienceMessage } from '../../src/shared/protocol/audience-messages';
import type { Interaction } from '../../src/shared/protocol/interactions';
import { currentPresenceKey, newRoomSecret, presenceKeyFor, presenceWindow } from '../../src/node/presence/presence-key';
import type { RegieCommand } from '../../src/shared/protocol/regie-commands';

// The participant page (out/participant, built by vite.participant.config.ts) served by a real hub
// started in this process, a fake régie (src/hub/testing/clients.ts) driving it, and Chromium at a
// phone's size. Issue 3's acceptance: a participant asks and votes, the régie receives both with the
// right origin, the counts the participant sees move; a cut link is said and recovered, and what
// was not acknowledged reaches the régie exactly once.

const repoRoot = resolve(import.meta.dirname, '../..');
const pageDir = join(repoRoot, 'out/participant');
const TOKEN = 'regie-token-for-e2e-0123456789';
const CODE = 'ASSISES';
const PHONE = { width: 390, height: 844 };
/** The rooms of the workshops' tests: a phone that scanned a room's QR code carries its current key. */
const SECRETS = { pleniere: newRoomSecret(), 'salle-450': newRoomSecret(), 'salle-800': newRoomSecret(), 'salle-300': newRoomSecret() };
const ROOMS: RegieCommand = {
  type: 'rooms.set',
  rooms: [
    { id: 'pleniere', name: 'Grand Auditorium', main: true, secret: SECRETS.pleniere },
    { id: 'salle-450', name: 'Salle 450', main: false, secret: SECRETS['salle-450'] },
    { id: 'salle-800', name: 'Salle 800', main: false, secret: SECRETS['salle-800'] },
    { id: 'salle-300', name: 'Salle 300', main: false, secret: SECRETS['salle-300'] },
  ],
};
const qrAddress = (room: keyof typeof SECRETS, key = currentPresenceKey(SECRETS[room], room, Date.now())) => `/?e=${CODE}&r=${room}&k=${key}`;

const poll: Interaction = {
  kind: 'poll',
  id: 'poll-placement',
  question: 'Qui devrait décider en priorité du lieu de placement ?',
  options: ['Le juge des enfants', 'L’ASE', 'La famille', 'L’enfant lui-même'],
  maxChoices: 1,
};

function newestMtime(path: string): number {
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  return readdirSync(path).reduce((m, name) => Math.max(m, newestMtime(join(path, name))), st.mtimeMs);
}

/** Builds the page when out/participant is missing or older than its sources (npm test builds it first). */
function ensurePageBuilt(): void {
  const marker = join(pageDir, 'index.html');
  const sources = [
    'src/renderer/participant',
    'src/shared/protocol',
    'src/shared/domain',
    'src/renderer/lib/command-id.ts',
    'vite.participant.config.ts',
  ];
  const newest = Math.max(...sources.map((s) => newestMtime(join(repoRoot, s))));
  if (existsSync(marker) && statSync(marker).mtimeMs >= newest) return;
  const r = spawnSync(
    process.execPath,
    ['node_modules/vite/bin/vite.js', 'build', '-c', 'vite.participant.config.ts', '--logLevel', 'warn'],
    {
      cwd: repoRoot,
      stdio: 'inherit',
    },
  );
  if (r.status !== 0) throw new Error('la page des participants ne se construit pas (vite build -c vite.participant.config.ts)');
}

interface Rig {
  dir: string;
  hub: RunningHub;
  regie: TestRegie;
  base: string;
  others: TestParticipant[];
}

function hubOptions(dir: string, port = 0): HubOptions {
  return {
    dataDir: join(dir, 'hub'),
    port,
    regieToken: TOKEN,
    eventCode: CODE,
    participantDir: pageDir,
    // Every client here shares 127.0.0.1: the address limit would be the test's, not the page's.
    limits: {
      patchDelayMs: 5,
      votesIntervalMs: 50,
      participantRate: { perSecond: 100, burst: 100 },
      addressRate: { perSecond: 10_000, burst: 10_000 },
    },
  };
}

async function rig(): Promise<Rig> {
  const dir = mkdtempSync(join(tmpdir(), 'pupitre-participant-e2e-'));
  const hub = await startHub(hubOptions(dir));
  const regie = await TestRegie.connect(hub.port, TOKEN);
  return { dir, hub, regie, base: `http://127.0.0.1:${hub.port}`, others: [] };
}

async function teardown(r: Rig): Promise<void> {
  r.others.forEach((o) => o.close());
  r.regie.close();
  await r.hub.close();
  rmSync(r.dir, { recursive: true, force: true });
}

async function command(r: Rig, c: Parameters<TestRegie['command']>[0]): Promise<void> {
  const ack = await r.regie.command(c);
  expect(ack.ok, JSON.stringify(ack)).toBe(true);
}

async function phone(browser: Browser): Promise<{ context: BrowserContext; page: Page; problems: string[] }> {
  const context = await browser.newContext({ viewport: PHONE, deviceScaleFactor: 2, hasTouch: true, locale: 'fr-FR' });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  return { context, page, problems };
}

/** A screenshot at the phone's size (and the whole page), kept with the test's output. */
async function shot(page: Page, testInfo: TestInfo, name: string, fullPage = false): Promise<void> {
  const path = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path, animations: 'disabled', fullPage });
  await testInfo.attach(name, { path, contentType: 'image/png' });
  const copyTo = process.env.PUPITRE_SHOTS_DIR;
  if (copyTo) {
    mkdirSync(copyTo, { recursive: true });
    copyFileSync(path, join(copyTo, `${name}.png`));
  }
}

/** A value of the page's localStorage (this file is typed for Node: no DOM types). */
const stored = (page: Page, key: string) =>
  page.evaluate((k) => (globalThis as unknown as { localStorage: { getItem(k: string): string | null } }).localStorage.getItem(k), key);
const participantIdOf = (page: Page) => stored(page, 'pupitre.participant.id');
const questionsWith = (r: Rig, text: string) =>
  r.regie.deliveries.filter((m): m is Extract<AudienceMessage, { type: 'question.ask' }> => m.type === 'question.ask' && m.text === text);

test.beforeAll(() => ensurePageBuilt());

test('in the room: vote, ask, upvote; the régie receives each with its origin and the counts move', async ({ browser }, testInfo) => {
  const r = await rig();
  const { context, page, problems } = await phone(browser);
  try {
    await command(r, ROOMS);
    await command(r, { type: 'interaction.open', interaction: poll });
    await command(r, { type: 'qa.open', sessionId: 'pleniere-1', roomOnly: false });
    await command(r, {
      type: 'question.publish',
      questionId: 'q-1',
      text: 'Comment mieux accompagner les jeunes majeurs à la sortie de l’ASE ?',
      name: 'Claire',
    });

    // The plenary's QR code: its key makes this phone « dans la salle » (the hub decides, not the button).
    await page.goto(`${r.base}${qrAddress('pleniere')}`);
    await expect(page.getByTestId('code-input')).toHaveValue('ASSISES');
    await shot(page, testInfo, '01-join');
    await page.getByTestId('join-room').click();
    await expect(page.getByTestId('place')).toHaveAttribute('data-origin', 'room');
    await expect(page.getByTestId('poll')).toContainText(poll.question);
    await expect(page.getByTestId('published-question')).toHaveCount(1);
    await shot(page, testInfo, '02-live-poll');

    // Vote.
    await page.getByTestId('poll-option').filter({ hasText: 'L’ASE' }).click();
    await page.getByTestId('poll-submit').click();
    await expect(page.getByTestId('vote-status')).toContainText('Votre vote est enregistré');
    await expect(page.getByTestId('poll-submit')).toHaveText('Modifier mon vote');
    const me = await participantIdOf(page);
    expect(me).toMatch(/^[A-Za-z0-9_-]{16,64}$/);
    await r.regie.waitFor(() => r.regie.deliveries.some((m) => m.type === 'poll.vote' && m.participantId === me));
    const vote = r.regie.deliveries.find((m) => m.type === 'poll.vote' && m.participantId === me);
    expect(vote).toMatchObject({ type: 'poll.vote', pollId: poll.id, choices: [1], origin: 'room', replaces: null });
    await shot(page, testInfo, '03-vote-saved');

    // Ask.
    const question = 'Quels moyens pour recueillir la parole de l’enfant avant une décision de placement ?';
    await page.getByTestId('question-input').fill(question);
    await expect(page.getByTestId('question-count')).toContainText(`${question.length} / 500`);
    await page.getByTestId('name-input').fill('Karim');
    await shot(page, testInfo, '04-ask-typed');
    await page.getByTestId('question-submit').click();
    await expect(page.getByTestId('ask-status')).toContainText('Votre question a été transmise à la régie');
    await expect(page.getByTestId('question-input')).toHaveValue('');
    await r.regie.waitFor(() => questionsWith(r, question).length > 0);
    expect(questionsWith(r, question)).toHaveLength(1);
    expect(questionsWith(r, question)[0]).toMatchObject({ origin: 'room', name: 'Karim', participantId: me, sessionId: 'pleniere-1' });
    await page.getByTestId('ask-status').scrollIntoViewIfNeeded();
    await shot(page, testInfo, '05-question-sent');

    // Upvote, once.
    const published = page.getByTestId('published-question').filter({ hasText: 'jeunes majeurs' });
    await published.getByTestId('upvote').click();
    await expect(published.getByTestId('upvote')).toHaveAttribute('aria-pressed', 'true');
    await expect(published.getByTestId('upvote')).toContainText('Soutenue');
    await expect(published.getByTestId('question-votes')).toHaveAttribute('data-votes', '1');
    await published.getByTestId('upvote').click({ force: true }); // a second press does nothing (aria-disabled)
    await r.regie.waitFor(() => r.regie.deliveries.some((m) => m.type === 'question.upvote' && m.participantId === me));
    expect(r.regie.deliveries.filter((m) => m.type === 'question.upvote' && m.participantId === me)).toHaveLength(1);

    // Another participant (remote) upvotes and votes: the page's counts follow.
    const other = await TestParticipant.join(r.hub.port, CODE, { origin: 'remote' });
    r.others.push(other);
    expect((await other.upvote('q-1')).ok).toBe(true);
    await expect(published.getByTestId('question-votes')).toHaveAttribute('data-votes', '2');
    await expect(published.getByTestId('question-votes')).toHaveText('2 soutiens');
    expect((await other.vote(poll.id, [1])).ok).toBe(true);
    await r.regie.waitFor(() => r.regie.deliveries.filter((m) => m.type === 'poll.vote').length >= 2);
    const votes = r.regie.deliveries.filter((m) => m.type === 'poll.vote');
    expect(votes.map((v) => v.origin).sort()).toEqual(['remote', 'room']);
    // The régie reveals its tally: the phone shows it, the participant's own choice marked.
    const counts = [0, 0, 0, 0];
    for (const v of votes) for (const c of v.choices ?? []) counts[c] = (counts[c] ?? 0) + 1;
    await command(r, { type: 'results.reveal', results: { kind: 'poll', interactionId: poll.id, counts, total: votes.length } });
    await expect(page.getByTestId('results-total')).toHaveText('2 réponses');
    await expect(page.getByTestId('result-row').filter({ hasText: 'L’ASE' })).toContainText('100 % (2)');
    await expect(page.getByTestId('result-row').filter({ hasText: 'L’ASE' })).toContainText('votre choix');
    await page.getByTestId('results').scrollIntoViewIfNeeded();
    await shot(page, testInfo, '06-results');

    // Change the vote while the poll is open: the régie gets a vote that replaces the first.
    await page.getByTestId('poll-option').filter({ hasText: 'La famille' }).click();
    await page.getByTestId('poll-submit').click();
    await expect(page.getByTestId('vote-status')).toContainText('Votre vote est enregistré');
    await r.regie.waitFor(() => r.regie.deliveries.filter((m) => m.type === 'poll.vote' && m.participantId === me).length === 2);
    const second = r.regie.deliveries.filter((m) => m.type === 'poll.vote' && m.participantId === me)[1];
    expect(second).toMatchObject({ choices: [2], replaces: vote?.msgId });
    await shot(page, testInfo, '07-full-page', true);

    expect(problems).toEqual([]);
  } finally {
    await context.close();
    await teardown(r);
  }
});

test('the link is cut: the page says so, keeps the question, and delivers it once when the hub is back', async ({ browser }, testInfo) => {
  const r = await rig();
  const { context, page } = await phone(browser);
  let hub2: RunningHub | null = null;
  let regie2: TestRegie | null = null;
  try {
    await command(r, { type: 'qa.open', sessionId: null, roomOnly: false });
    await page.goto(`${r.base}/?e=${CODE}`);
    await page.getByTestId('join-room').click();
    await expect(page.getByTestId('ask')).toBeVisible();
    await expect(page.getByTestId('connection')).toHaveAttribute('data-state', 'online');

    // The hub stops (a restart on the venue PC, the server's Wi-Fi gone).
    const port = r.hub.port;
    const afterHubSeq = r.regie.lastHubSeq;
    r.regie.close();
    await r.hub.close();
    await expect(page.getByTestId('connection')).toHaveText(/Connexion perdue — nouvelle tentative…/);
    const question = 'Et pendant le confinement, comment les visites en famille ont-elles été maintenues ?';
    await page.getByTestId('question-input').fill(question);
    await page.getByTestId('question-submit').click();
    await expect(page.getByTestId('ask-status')).toContainText('Question en attente');
    await expect(page.getByTestId('pending-questions')).toContainText(question);
    await expect(page.getByTestId('connection-pending')).toContainText('1 envoi en attente');
    const saved = await stored(page, 'pupitre.participant.outbox');
    expect(saved).toContain(question);
    await shot(page, testInfo, '08-offline-queued');

    // Back on the same database and port: the page reconnects by itself and sends what waited.
    hub2 = await startHub(hubOptions(r.dir, port));
    regie2 = await TestRegie.connect(hub2.port, TOKEN, { afterHubSeq, seq: r.regie.seq });
    await expect(page.getByTestId('ask-status')).toContainText('Votre question a été transmise à la régie', { timeout: 20_000 });
    await expect(page.getByTestId('connection')).toHaveAttribute('data-state', 'online');
    await expect(page.getByTestId('pending-questions')).toHaveCount(0);
    await shot(page, testInfo, '09-back-online');
    const rg = regie2;
    await rg.waitFor(() => rg.deliveries.some((m) => m.type === 'question.ask' && m.text === question));
    // A later message as a marker: everything before it in hubSeq order has been delivered.
    const marker = await TestParticipant.join(hub2.port, CODE);
    r.others.push(marker);
    expect((await marker.ask('Marqueur de fin de test')).ok).toBe(true);
    await rg.waitFor(() => rg.deliveries.some((m) => m.type === 'question.ask' && m.text === 'Marqueur de fin de test'));
    expect(rg.deliveries.filter((m) => m.type === 'question.ask' && m.text === question)).toHaveLength(1);
    expect(await stored(page, 'pupitre.participant.outbox')).toBeNull();
  } finally {
    await context.close();
    regie2?.close();
    r.others.forEach((o) => o.close());
    if (hub2) await hub2.close();
    rmSync(r.dir, { recursive: true, force: true });
  }
});

test('an acknowledgement lost on the way: after a reload the page resends, the hub keeps the question once', async ({ browser }) => {
  const r = await rig();
  const { context, page } = await phone(browser);
  try {
    await command(r, { type: 'qa.open', sessionId: null, roomOnly: false });
    const question = 'Quelle place pour les assistants familiaux dans les décisions ?';
    // Forwards the page's WebSocket frames both ways, except the hub's answer to our question.
    let askAckId: string | null = null;
    let dropped = 0;
    await page.routeWebSocket(/\/socket\.io\//, (ws) => {
      const server = ws.connectToServer();
      ws.onMessage((m) => {
        const text = typeof m === 'string' ? m : m.toString();
        const hit = /^42\/participant,(\d+)\["question\.ask"/.exec(text);
        if (hit && text.includes(question) && askAckId === null) askAckId = hit[1] ?? null;
        server.send(m);
      });
      server.onMessage((m) => {
        const text = typeof m === 'string' ? m : m.toString();
        if (askAckId !== null && dropped === 0 && text.startsWith(`43/participant,${askAckId}[`)) {
          dropped += 1;
          return;
        }
        ws.send(m);
      });
    });
    await page.goto(`${r.base}/?e=${CODE}`);
    await page.getByTestId('join-room').click();
    await page.getByTestId('question-input').fill(question);
    await page.getByTestId('question-submit').click();
    // The hub took it (the régie has it), the page never heard back.
    await r.regie.waitFor(() => questionsWith(r, question).length === 1);
    await expect.poll(() => dropped).toBe(1);
    await expect(page.getByTestId('ask-status')).toContainText('Envoi de votre question');
    expect(await stored(page, 'pupitre.participant.outbox')).toContain(question);

    await page.reload();
    await expect(page.getByTestId('ask-status')).toContainText('Votre question a été transmise à la régie');
    expect(await stored(page, 'pupitre.participant.outbox')).toBeNull();
    const marker = await TestParticipant.join(r.hub.port, CODE);
    r.others.push(marker);
    expect((await marker.ask('Marqueur')).ok).toBe(true);
    await r.regie.waitFor(() => questionsWith(r, 'Marqueur').length === 1);
    expect(questionsWith(r, question)).toHaveLength(1);
  } finally {
    await context.close();
    await teardown(r);
  }
});

test('remote in a room-only workshop, a rating, a word cloud, a notice; by keyboard', async ({ browser }, testInfo) => {
  const r = await rig();
  const { context, page, problems } = await phone(browser);
  try {
    await command(r, { type: 'qa.open', sessionId: 'atelier-3', roomOnly: true });
    await command(r, {
      type: 'interaction.open',
      interaction: {
        kind: 'rating',
        id: 'rating-1',
        question: 'Ce matin, la parole de l’enfant a-t-elle été suffisamment entendue ?',
        min: 1,
        max: 5,
        minLabel: 'pas du tout',
        maxLabel: 'tout à fait',
      },
    });
    await command(r, { type: 'notice.show', text: 'Reprise des ateliers à 14 h 30 en salle 200.' });
    await page.goto(`${r.base}/?e=${CODE}`);
    await page.getByTestId('join-remote').click();
    await expect(page.getByTestId('qa-room-only')).toContainText('seules les personnes présentes dans la salle');
    await expect(page.getByTestId('notice')).toContainText('14 h 30');
    await shot(page, testInfo, '10-remote-rating-notice');

    // Keyboard only: into the rating, arrows to 4, then the button.
    await page.getByRole('radio', { name: '1 sur 5' }).focus();
    await page.keyboard.press('Space');
    for (let i = 0; i < 3; i += 1) await page.keyboard.press('ArrowRight');
    await expect(page.getByRole('radio', { name: '4 sur 5' })).toBeChecked();
    await page.keyboard.press('Tab');
    await expect(page.getByTestId('poll-submit')).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('vote-status')).toContainText('Votre vote est enregistré');
    await r.regie.waitFor(() => r.regie.deliveries.some((m) => m.type === 'poll.vote' && m.rating === 4 && m.origin === 'remote'));
    await shot(page, testInfo, '11-rating-voted');

    // A word cloud: several words at once, a variant refused on the phone, the limit shown.
    await command(r, {
      type: 'interaction.open',
      interaction: { kind: 'cloud', id: 'cloud-1', prompt: 'Un mot pour la protection de l’enfance demain ?', maxWordsPerParticipant: 3 },
    });
    await expect(page.getByTestId('cloud')).toBeVisible();
    await expect(page.getByTestId('words-left')).toContainText('Il vous reste 3 mots sur 3');
    await page.getByTestId('word-input').fill('Confiance, écoute');
    await page.getByTestId('word-input').press('Enter');
    await expect(page.getByTestId('words-status')).toContainText('Mots bien reçus');
    await expect(page.getByTestId('words-left')).toContainText('Il vous reste 1 mot sur 3');
    await page.getByTestId('word-input').fill('confiance');
    await page.getByTestId('word-submit').click();
    await expect(page.getByRole('alert').filter({ hasText: 'Vous avez déjà envoyé « confiance »' })).toBeVisible();
    await r.regie.waitFor(() => r.regie.deliveries.some((m) => m.type === 'words.send'));
    expect(r.regie.deliveries.find((m) => m.type === 'words.send')).toMatchObject({ words: ['Confiance', 'écoute'], origin: 'remote' });
    await shot(page, testInfo, '12-cloud');
    await command(r, {
      type: 'results.reveal',
      results: {
        kind: 'cloud',
        interactionId: 'cloud-1',
        words: [
          { text: 'confiance', count: 42 },
          { text: 'écoute', count: 30 },
          { text: 'moyens', count: 18 },
          { text: 'respect', count: 9 },
          { text: 'lien', count: 4 },
        ],
      },
    });
    await expect(page.getByTestId('results')).toContainText('confiance');
    await page.getByTestId('results').scrollIntoViewIfNeeded();
    await shot(page, testInfo, '13-cloud-results');

    // A multiple-choice poll, in English.
    await command(r, {
      type: 'interaction.open',
      interaction: {
        kind: 'poll',
        id: 'poll-2',
        question: 'Quelles priorités pour 2022 ?',
        options: ['Santé des enfants placés', 'Jeunes majeurs', 'Moyens des équipes', 'Prévention'],
        maxChoices: 2,
      },
    });
    await page.getByTestId('language-switch').click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await page.getByTestId('poll-option').nth(1).click();
    await page.getByTestId('poll-option').nth(2).click();
    await expect(page.getByTestId('poll-option').nth(3).locator('input')).toBeDisabled();
    await page.getByTestId('poll-submit').click();
    await expect(page.getByTestId('vote-status')).toContainText('Your vote is recorded');
    await page.getByTestId('poll').scrollIntoViewIfNeeded();
    await shot(page, testInfo, '14-multiple-en');
    await r.regie.waitFor(() => r.regie.deliveries.some((m) => m.type === 'poll.vote' && m.pollId === 'poll-2'));
    expect(r.regie.deliveries.find((m) => m.type === 'poll.vote' && m.pollId === 'poll-2')).toMatchObject({ choices: [1, 2] });

    // The smallest phone the page is made for: nothing wider than the screen.
    await page.setViewportSize({ width: 360, height: 640 });
    type Win = { scrollTo(x: number, y: number): void; document: { documentElement: { scrollWidth: number } } };
    const width = await page.evaluate(() => {
      const w = globalThis as unknown as Win;
      w.scrollTo(0, 0);
      return w.document.documentElement.scrollWidth;
    });
    expect(width).toBeLessThanOrEqual(360);
    await shot(page, testInfo, '15-small-phone-360x640');

    expect(problems).toEqual([]);
  } finally {
    await context.close();
    await teardown(r);
  }
});

test('hostile text from the régie or a participant is shown as text; a wrong code is refused in words', async ({ browser }) => {
  const r = await rig();
  const { context, page, problems } = await phone(browser);
  let dialogs = 0;
  page.on('dialog', (d) => {
    dialogs += 1;
    void d.dismiss();
  });
  try {
    await page.goto(`${r.base}/?e=MAUVAIS`);
    await page.getByTestId('join-room').click();
    await expect(page.getByTestId('join-error')).toContainText('code d’événement inconnu');
    await page.getByTestId('code-input').fill(CODE.toLowerCase());
    await page.getByTestId('join-room').click();
    await expect(page.getByTestId('live')).toBeVisible();
    const hostile = '<img src=x onerror=alert(1)><script>alert(2)</script> Et les droits ?';
    await command(r, { type: 'qa.open', sessionId: null, roomOnly: false });
    await command(r, { type: 'question.publish', questionId: 'q-h', text: hostile, name: '<b>Zoé</b>' });
    await expect(page.getByTestId('published-question')).toContainText('<img src=x onerror=alert(1)>');
    await expect(page.getByTestId('published-question')).toContainText('<b>Zoé</b>');
    expect(await page.locator('[data-testid="questions"] img, [data-testid="questions"] script, [data-testid="questions"] b').count()).toBe(
      0,
    );
    expect(dialogs).toBe(0);
    expect(problems).toEqual([]);
  } finally {
    await context.close();
    await teardown(r);
  }
});

test('workshops: a phone without a room chooses one and sees only it; an expired key is remote, and its question is refused in the hub’s words', async ({
  browser,
}, testInfo) => {
  const r = await rig();
  const chooser = await phone(browser);
  const late = await phone(browser);
  try {
    await command(r, ROOMS);
    await command(r, { type: 'qa.open', sessionId: 'atelier-450', roomOnly: false, room: 'salle-450' });
    await command(r, { type: 'qa.open', sessionId: 'atelier-800', roomOnly: false, room: 'salle-800' });
    await command(r, { type: 'interaction.open', interaction: poll, room: 'salle-300' });
    await command(r, { type: 'question.publish', questionId: 'q-450', text: 'Question de l’atelier de la salle 450', room: 'salle-450' });
    await command(r, { type: 'question.publish', questionId: 'q-800', text: 'Question de l’atelier de la salle 800', room: 'salle-800' });

    // The event's address, no room: three workshops live, the phone chooses.
    await chooser.page.goto(`${r.base}/?e=${CODE}`);
    await chooser.page.getByTestId('join-remote').click();
    await expect(chooser.page.getByTestId('room-chooser')).toContainText('Quelle salle suivez-vous');
    await expect(chooser.page.getByTestId('room-choice')).toHaveCount(4);
    await shot(chooser.page, testInfo, '20-room-chooser');
    const target = await chooser.page.getByTestId('room-choice').first().boundingBox();
    expect(target?.height ?? 0).toBeGreaterThanOrEqual(56);
    await chooser.page.getByTestId('room-choice').filter({ hasText: 'Salle 800' }).click();
    await expect(chooser.page.getByTestId('hub-place')).toHaveText('Salle 800 · à distance');
    await expect(chooser.page.getByTestId('published-question')).toHaveText(/salle 800/);
    await expect(chooser.page.getByTestId('published-question')).toHaveCount(1);
    await expect(chooser.page.getByTestId('live')).not.toContainText('salle 450');
    await expect(chooser.page.getByTestId('poll')).toHaveCount(0);
    await shot(chooser.page, testInfo, '21-room-chosen');

    // A photo of Salle 450's QR code, ten minutes old: à distance in Salle 450.
    const old = presenceKeyFor(SECRETS['salle-450'], 'salle-450', presenceWindow(Date.now()) - 2);
    await late.page.goto(`${r.base}${qrAddress('salle-450', old)}`);
    await late.page.getByTestId('join-room').click();
    await expect(late.page.getByTestId('hub-place')).toHaveText('Salle 450 · à distance');
    await expect(late.page.getByTestId('ask')).toBeVisible();
    // Typed in the corridor without network; meanwhile the workshop's Q&A becomes room-only.
    await late.context.setOffline(true);
    await late.page.getByTestId('question-input').fill('Ma question depuis le couloir');
    await late.page.getByTestId('question-submit').click();
    await command(r, { type: 'qa.open', sessionId: 'atelier-450', roomOnly: true, room: 'salle-450' });
    await late.context.setOffline(false);
    await expect(late.page.getByTestId('qa-room-only')).toContainText(
      'Les questions de cet atelier sont réservées aux personnes présentes dans la salle.',
    );
    await expect(late.page.getByTestId('qa-room-only')).toContainText('Ma question depuis le couloir');
    await shot(late.page, testInfo, '22-room-only-refused');
    expect(r.regie.deliveries.some((m) => m.type === 'question.ask' && m.text === 'Ma question depuis le couloir')).toBe(false);
    expect([...chooser.problems, ...late.problems]).toEqual([]);
  } finally {
    await chooser.context.close();
    await late.context.close();
    await teardown(r);
  }
});
