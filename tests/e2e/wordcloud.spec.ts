import { joinPhone } from '../integration/room-presence';
import { randomBytes } from 'node:crypto';
import type { Page, TestInfo } from '@playwright/test';
import { applyPatchOps } from '../../src/shared/api/apply-patch';
import type { ViewState } from '../../src/shared/api/state';
import { zonedToEpoch } from '../../src/shared/domain/zoned-time';
import { connectView, nextSnapshot, send } from '../integration/helpers';
import { type CoreFixture, expect, test } from './fixtures';

// The word cloud end to end with the real régie and its embedded hub: phones send words in
// several spellings, the projector (the output page in Chromium) shows « enfant » once with the
// summed count; a moderator bans a word at the desk (the control page, from the keyboard): it
// leaves the projector, and a phone that sends it afterwards is told it is not accepted.

const CLOUD = 'securite-enfant';
const day1 = (time: string) => zonedToEpoch({ date: '2021-06-24', time }, 'Europe/Paris');

async function shot(page: Page, testInfo: TestInfo, name: string, target: Page | ReturnType<Page['getByTestId']> = page): Promise<void> {
  const path = testInfo.outputPath(`${name}.png`);
  await target.screenshot({ path, animations: 'disabled' });
  await testInfo.attach(name, { path, contentType: 'image/png' });
}

/** A control seat in Node: mirrors the state and sends commands (the desk page is the other seat). */
async function openSeat(core: CoreFixture) {
  const seat = connectView(core.port, core.tokens.control);
  let state: ViewState = (await nextSnapshot(seat)).state;
  seat.on('patch', (p) => (state = applyPatchOps(state, p.ops)));
  const prefix = randomBytes(4).toString('hex');
  let n = 0;
  return {
    cmd: async (command: unknown) =>
      expect(await send(seat, { id: `cloud-${prefix}-${n++}`, command }), JSON.stringify(command)).toMatchObject({ ok: true }),
    state: () => state,
    close: () => seat.close(),
  };
}

const cloudWord = (page: Page, text: string) => page.getByTestId('cloud-word').filter({ hasText: new RegExp(`^${text}$`) });

test('« L’enfant », « enfants », « ENFANT » are one word on the projector; a banned word leaves it and is refused to phones', async ({
  browser,
  page,
  core,
}, testInfo) => {
  const seat = await openSeat(core);
  const code = new URL(core.joinUrls[0]!).searchParams.get('e')!;
  await seat.cmd({ type: 'clock.set', clock: { mode: 'rehearsal', at: day1('14:10') } });
  await seat.cmd({ type: 'cue.go', cueId: 'j1-seq2-nuage-ouvrir' });

  // Phones send words, in the spellings people type.
  const hands = [
    ["L'enfant", 'écoute', 'confiance'],
    ['enfants', 'lien'],
    ['ENFANT', 'Écoute'],
    ['confiance', 'gamins'],
    ['« Confiance ! »', 'repères'],
    ['Connard'],
  ];
  const phones = await Promise.all(
    hands.map((_, i) => joinPhone(core, code, { origin: i % 3 === 2 ? 'remote' : 'room' })),
  );
  await Promise.all(phones.map((p) => expect.poll(() => p.state?.interaction?.id).toBe(CLOUD)));
  for (const [i, p] of phones.entries()) expect(await p.words(CLOUD, hands[i]!), hands[i]!.join()).toMatchObject({ ok: true });
  // A stop word alone is not a word: the phone is told so.
  const extra = await joinPhone(core, code);
  phones.push(extra);
  await expect.poll(() => extra.state?.interaction?.id).toBe(CLOUD);
  expect(await extra.words(CLOUD, ['le'])).toMatchObject({
    ok: false,
    error: { code: 'invalid', message: '« le » ne compte pas comme un mot : proposez un mot plus parlant' },
  });
  await expect.poll(() => Object.values(seat.state().audience.words[CLOUD] ?? {}).reduce((a, b) => a + b, 0)).toBe(12);

  // The projector: the cloud on air.
  await page.goto(core.outputUrl);
  await seat.cmd({ type: 'program.preview', scene: { kind: 'wordcloud', interactionId: CLOUD } });
  await seat.cmd({ type: 'program.take' });
  const stage = page.getByTestId('output-stage');
  await expect(stage).toHaveAttribute('data-scene', 'wordcloud');
  await expect(stage).toHaveAttribute('data-state', 'idle');
  await expect(cloudWord(page, 'enfant')).toHaveCount(1);
  await expect(cloudWord(page, 'enfant')).toHaveAttribute('data-count', '3');
  await expect(page.getByTestId('cloud-word').filter({ hasText: /enfant/i })).toHaveCount(1);
  await expect(cloudWord(page, 'confiance')).toHaveAttribute('data-count', '3');
  await expect(cloudWord(page, 'écoute')).toHaveAttribute('data-count', '2');
  // The profanity is held back: never on the projector.
  await expect(page.getByTestId('cloud-word').filter({ hasText: /connard/i })).toHaveCount(0);
  await expect(page.getByTestId('cloud-word')).toHaveCount(6);
  await shot(page, testInfo, 'wordcloud-projector');

  // The desk: the « Public » panel (p) lists the words with their spellings, and the held one.
  const desk = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  await desk.goto(core.controlUrl);
  await expect(desk.getByTestId('audience-indicator')).toHaveAttribute('data-state', 'online');
  await desk.keyboard.press('p');
  const panel = desk.getByTestId('words-panel');
  await expect(panel).toBeVisible();
  await expect(panel).toHaveAttribute('data-cloud-id', CLOUD);
  const row = (key: string) => panel.locator(`[data-testid="words-row"][data-key="${key}"]`);
  await expect(row('enfant')).toHaveAttribute('data-count', '3');
  await expect(row('enfant').getByTestId('words-variants')).toHaveText('enfant\u00a02 · enfants\u00a01');
  await expect(panel.getByTestId('words-stats')).toContainText('12 mots envoyés · 6 participants (4 salle, 2 à distance)');
  await expect(panel.getByTestId('words-held-row')).toContainText('Connard');
  await shot(desk, testInfo, 'wordcloud-desk-panel', panel);
  await shot(desk, testInfo, 'wordcloud-desk');

  // Merge from the keyboard: m on « gamins », then Entrée on « enfant ».
  await row('gamin').getByTestId('words-word').focus();
  await desk.keyboard.press('m');
  await expect(panel.getByTestId('words-merging')).toContainText('gamins');
  await row('enfant').getByTestId('words-word').focus();
  await desk.keyboard.press('Enter');
  await expect(row('enfant')).toHaveAttribute('data-count', '4');
  await expect(row('gamin')).toHaveCount(0);
  await expect(cloudWord(page, 'enfant')).toHaveAttribute('data-count', '4');
  await expect(cloudWord(page, 'gamins')).toHaveCount(0);

  // Ban from the keyboard: b on « lien ». It leaves the desk's list and the projector at once.
  await row('lien').getByTestId('words-word').focus();
  await desk.keyboard.press('b');
  await expect(panel.getByTestId('words-feedback')).toContainText('banni');
  await expect(row('lien')).toHaveCount(0);
  await expect(panel.locator('[data-testid="words-banned-row"][data-key="lien"]')).toBeVisible();
  await expect(cloudWord(page, 'lien')).toHaveCount(0);
  await expect(page.getByTestId('cloud-word')).toHaveCount(4);
  await expect.poll(() => seat.state().wordModeration[CLOUD]?.banned).toEqual({ lien: 'lien' });

  // The hub hears of the ban through the régie's outbox: wait until it refuses the word (a probe
  // accepted before that is not counted by the régie either).
  const joinOpen = async () => {
    const p = await joinPhone(core, code);
    phones.push(p);
    await expect.poll(() => p.state?.interaction?.id).toBe(CLOUD);
    return p;
  };
  await expect.poll(async () => (await (await joinOpen()).words(CLOUD, ['lien'])).ok).toBe(false);
  // A phone sending it afterwards, in another spelling, is told it is not accepted; nothing is counted.
  const late = await joinOpen();
  expect(await late.words(CLOUD, ['Liens'])).toEqual({
    ok: false,
    error: { code: 'invalid', message: '« Liens » n’est pas retenu pour ce nuage de mots', field: 'words.0' },
  });
  expect(await late.words(CLOUD, ['soin'])).toMatchObject({ ok: true });
  await expect(cloudWord(page, 'soin')).toHaveCount(1);
  expect(seat.state().audience.words[CLOUD]?.['Liens']).toBeUndefined();
  await shot(page, testInfo, 'wordcloud-projector-after-ban');

  // On a real phone page too: the participant reads why the word is not taken.
  const phone = await browser.newPage({ viewport: { width: 390, height: 844 } });
  await phone.goto(core.joinUrls[0]!);
  await phone.getByTestId('join-room').click();
  await expect(phone.getByTestId('cloud')).toBeVisible();
  await phone.getByTestId('word-input').fill('le lien');
  await phone.getByTestId('word-submit').click();
  await expect(phone.getByRole('alert').filter({ hasText: '« le lien » n’est pas retenu pour ce nuage de mots' })).toBeVisible();
  await shot(phone, testInfo, 'wordcloud-phone-refused');
  await phone.close();

  // « Annuler » takes the ban back: the word returns where the cloud has room.
  await panel.locator('[data-testid="words-banned-row"][data-key="lien"]').getByTestId('words-unban').click();
  await expect(cloudWord(page, 'lien')).toHaveCount(1);
  await shot(desk, testInfo, 'wordcloud-desk-panel-after', panel);

  for (const p of phones) p.close();
  seat.close();
  await desk.close();
});
