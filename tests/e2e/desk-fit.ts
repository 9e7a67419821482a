import type { Locator, Page, TestInfo } from '@playwright/test';
import { zonedToEpoch } from '../../src/shared/domain/zoned-time';
import { connectView, nextSnapshot, send } from '../integration/helpers';
import { expect, type CoreFixture } from './fixtures';
import { row, selectByKeys, shot, showQuestionsTab } from './question-desk';

// What the 1366×768 and 1280×720 specs share: a desk in the middle of a show (rehearsal clock at
// 10:14, cues missed on the way, a standby with its note, the hold on, questions to screen, a
// scene in preview), and the check that an element is seen whole without scrolling anything.

interface Rect {
  left: number;
  top: number;
  right: number;
  bottom: number;
}
interface El {
  getBoundingClientRect(): Rect;
  parentElement: El | null;
  scrollWidth: number;
  clientWidth: number;
  scrollHeight: number;
  clientHeight: number;
}
interface Win {
  innerWidth: number;
  innerHeight: number;
  getComputedStyle(e: El): { overflowX: string; overflowY: string; display: string; visibility: string };
  document: { documentElement: El; body: El };
}

/**
 * Why `locator`'s element is not seen whole, or null: it must lie inside the viewport and inside
 * every ancestor that clips (overflow other than visible: a scrolling list shows only part of its
 * content), and with `text` its own text must not be cut (scroll size over client size: an
 * ellipsis, a clamp, a label running out of its button). 1 px of tolerance for rounding.
 */
export async function whyNotSeen(locator: Locator, opts: { text?: boolean } = {}): Promise<string | null> {
  return locator.evaluate((node, text) => {
    const w = globalThis as unknown as Win;
    const el = node as unknown as El;
    const r = el.getBoundingClientRect();
    const fmt = (b: Rect) => `${Math.round(b.left)},${Math.round(b.top)}–${Math.round(b.right)},${Math.round(b.bottom)}`;
    if (r.right - r.left < 1 || r.bottom - r.top < 1) return 'has no size';
    if (r.left < -1 || r.top < -1 || r.right > w.innerWidth + 1 || r.bottom > w.innerHeight + 1)
      return `${fmt(r)} outside the viewport ${w.innerWidth}×${w.innerHeight}`;
    for (let a = el.parentElement; a && a !== w.document.body && a !== w.document.documentElement; a = a.parentElement) {
      const style = w.getComputedStyle(a);
      if (style.overflowX === 'visible' && style.overflowY === 'visible') continue;
      const b = a.getBoundingClientRect();
      if (r.left < b.left - 1 || r.top < b.top - 1 || r.right > b.right + 1 || r.bottom > b.bottom + 1)
        return `${fmt(r)} clipped by an ancestor at ${fmt(b)}`;
    }
    if (text && (el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1))
      return `text cut: ${el.scrollWidth}×${el.scrollHeight} in ${el.clientWidth}×${el.clientHeight}`;
    return null;
  }, opts.text === true);
}

/** Every named element is seen whole; the message lists those that are not, and why. */
export async function expectSeen(page: Page, items: [string, Locator, { text?: boolean }?][]): Promise<void> {
  const problems: string[] = [];
  for (const [name, locator, opts] of items) {
    if ((await locator.count()) !== 1) {
      problems.push(`${name}: ${await locator.count()} elements`);
      continue;
    }
    const why = await whyNotSeen(locator, opts);
    if (why) problems.push(`${name}: ${why}`);
  }
  expect(problems, `at ${page.viewportSize()?.width}×${page.viewportSize()?.height}`).toEqual([]);
}

const at = (time: string) => zonedToEpoch({ date: '2021-06-24', time }, 'Europe/Paris');
const FLAGGED =
  'Ma fille Léa, 7 ans, est placée depuis 2019 : comment garder le lien avec ses frères quand les familles d’accueil sont loin ?';
const LONG = 'Comment associer les familles';

/** The desk in the middle of the first morning, through the control channel; then the page on it. */
export async function deskInShow(page: Page, core: CoreFixture): Promise<void> {
  const seat = connectView(core.port, core.tokens.control);
  await nextSnapshot(seat);
  let n = 0;
  const cmd = async (command: unknown) =>
    expect(await send(seat, { id: `desk-fit-${String(n++).padStart(4, '0')}`, command }), JSON.stringify(command)).toMatchObject({
      ok: true,
    });
  try {
    // The régie watched from 08:45 (a fresh database watches from its first start: desk-slips), then
    // 10:14: the welcome screen's auto cue (08:50) passed more than a minute ago: missed, never fired late.
    await cmd({ type: 'clock.set', clock: { mode: 'rehearsal', at: at('08:45') } });
    await cmd({ type: 'clock.set', clock: { mode: 'rehearsal', at: at('10:14') } });
    for (const text of [
      'Quels moyens pour les équipes de nuit en foyer ?',
      'Comment associer les familles au projet pour l’enfant quand le placement dure depuis plusieurs années et que les liens se distendent ?',
      'Et les jeunes majeurs ?',
    ])
      await cmd({ type: 'question.add', text, name: null, sessionId: 'j1-seq1' });
    // A question the detector flags (a child's first name in it, an asker's first name): to read, then clear or redact.
    await cmd({ type: 'question.add', text: FLAGGED, name: 'Karim', sessionId: 'j1-seq1' });
    await cmd({ type: 'program.preview', scene: { kind: 'message', title: 'Pause café', text: 'Reprise à 11 h 30 en salle plénière' } });
  } finally {
    seat.close();
  }
  await page.goto(core.controlUrl);
  await expect(page.getByTestId('connection-state')).toHaveAttribute('data-state', 'online');
  await expect(page.getByTestId('missed-cues')).toBeVisible();
  await expect(page.getByTestId('standby-notes')).toBeVisible();
}

/** What must be seen on both centre tabs: the hub, the monitors, the scene buttons, TAKE and panic. */
export function busAndBar(page: Page): [string, Locator, { text?: boolean }?][] {
  const id = (x: string) => page.getByTestId(x);
  return [
    ['clock', id('clock')],
    ['language', page.locator('.topbar-right > .segmented').last(), { text: true }],
    ['help', page.locator('.topbar .btn-help')],
    ['hub state', id('audience-indicator')],
    ['hub words', id('audience-link-words'), { text: true }],
    ['link to the core', id('connection-state'), { text: true }],
    ['preview monitor', id('preview-monitor')],
    ['preview caption', id('preview-caption')],
    ...['holding', 'join', 'message', 'countdown', 'interaction', 'black'].map((k): [string, Locator, { text: boolean }] => [
      `scene button ${k}`,
      id(`compose-${k}`),
      { text: true },
    ]),
    ['programme monitor', page.locator('[data-testid="program-monitor"] .monitor-box')],
    ['on-air caption', id('onair-caption')],
    ['TAKE', id('take'), { text: true }],
    ['cut', id('transition-cut'), { text: true }],
    ['fade', id('transition-fade'), { text: true }],
    ['fade length', id('transition-ms')],
    ['panic', id('panic'), { text: true }],
    ['restore', id('restore'), { text: true }],
    ['lock', id('lock'), { text: true }],
  ];
}

/** The run of show: the standby with its whole note, GO, the transport, the missed and the next cues. */
export function runOfShow(page: Page): [string, Locator, { text?: boolean }?][] {
  const id = (x: string) => page.getByTestId(x);
  return [
    ['standby', id('standby')],
    ['standby action', id('standby-action'), { text: true }],
    ['standby note, whole', id('standby-notes'), { text: true }],
    ['standby countdown', id('standby-countdown'), { text: true }],
    ['GO', id('go-button')],
    ['previous', id('cue-previous')],
    ['next', id('cue-next')],
    ['skip', id('cue-skip')],
    ['hold', id('cue-hold')],
    ['live indicator', id('live-indicator')],
    ['first missed cue', id('missed-cues').locator('.cue-line').first()],
    ['its fire button', id('missed-cues').getByTestId('cue-fire').first(), { text: true }],
    ['first next cue', id('upcoming-cues').locator('.cue-line').first()],
  ];
}

/** The questions tab: the standby and its GO on the tab strip, the queue, the selected question. */
export function questionsTab(page: Page): [string, Locator, { text?: boolean }?][] {
  const id = (x: string) => page.getByTestId(x);
  return [
    ['standby on the tab strip', id('centre-standby')],
    ['GO on the tab strip', id('centre-go'), { text: true }],
    ['first question', id('question-row').first()],
    ['queue tabs', id('tab-incoming')],
    ['search', id('filter-search')],
    ['the selected question', id('detail-text')],
    ['approve', id('q-approve'), { text: true }],
    ['reject', id('q-reject'), { text: true }],
    ['to preview', id('q-preview'), { text: true }],
    ['message to the stage', id('stage-message-input')],
  ];
}

/** A flagged question selected: what was found, why it cannot be projected, and the two answers (c, x). */
export function flaggedDetail(page: Page): [string, Locator, { text?: boolean }?][] {
  const id = (x: string) => page.getByTestId(x);
  return [
    ['the flagged question', id('detail-text')],
    ['its asker', id('detail-name')],
    ['the first finding', id('flag-badge').first(), { text: true }],
    ['not projectable', id('not-projectable')],
    ['clear the flags (c)', id('q-clear-flags'), { text: true }],
    ['redact (x)', id('q-redact'), { text: true }],
  ];
}

/**
 * The bus after a TAKE of a long question: the preview empty, naming what was on air before with
 * « Remettre en aperçu », the on-air caption naming the question. Both monitors keep one size, and
 * the preview, the bar and the programme sit side by side (no caption widens its column).
 */
export async function expectBusAfterTake(page: Page): Promise<void> {
  const id = (x: string) => page.getByTestId(x);
  await expectSeen(page, [
    ...busAndBar(page).filter(([name]) => name !== 'preview caption'),
    ['on air before', id('previous-scene')],
    ['back to preview', id('previous-to-preview'), { text: true }],
  ]);
  const box = async (l: Locator) => (await l.boundingBox())!;
  const preview = await box(id('preview-monitor'));
  const programme = await box(page.locator('[data-testid="program-monitor"] .monitor-box'));
  expect(
    Math.abs(preview.width - programme.width),
    `preview ${preview.width} px wide, programme ${programme.width} px`,
  ).toBeLessThanOrEqual(2);
  const [left, bar, right] = [await box(id('preview-panel')), await box(id('program-bar')), await box(id('program-monitor'))];
  expect(left.x + left.width, 'the preview runs under the bar').toBeLessThanOrEqual(bar.x + 1);
  expect(bar.x + bar.width, 'the bar runs under the programme').toBeLessThanOrEqual(right.x + 1);
}

/**
 * Both tabs checked and photographed at the page's size (the run of show held, then not).
 * `flaggedAnswersInView`: a flagged question's « Lever » and « Caviarder » in view without
 * scrolling its detail (1366×768 and up; at 1280×720 they are a scroll away, the keys c and x act).
 */
export async function checkBothTabs(page: Page, testInfo: TestInfo, size: string, flaggedAnswersInView = true): Promise<void> {
  await expect(page.getByTestId('centre-tab-conduite')).toHaveAttribute('aria-selected', 'true');
  await shot(page, testInfo, `desk-${size}-run-of-show`);
  await expectSeen(page, [...busAndBar(page), ...runOfShow(page)]);

  // In show mode (the programme locked, as during the show), the hold: its banner on top of the
  // run of show, everything else still in view.
  await page.getByTestId('mode-show').click();
  await expect(page.getByTestId('mode-switch')).toHaveAttribute('data-mode', 'show');
  await page.getByTestId('cue-hold').click();
  await expect(page.getByTestId('hold-banner')).toBeVisible();
  await shot(page, testInfo, `desk-${size}-run-of-show-held`);
  await expectSeen(page, [...busAndBar(page), ...runOfShow(page), ['hold banner', page.getByTestId('hold-release'), { text: true }]]);
  await page.getByTestId('hold-release').click();
  await expect(page.getByTestId('hold-banner')).toHaveCount(0);

  await page.locator('body').click({ position: { x: 2, y: 300 } });
  await showQuestionsTab(page);
  await expect(page.getByTestId('question-row')).toHaveCount(4);
  await shot(page, testInfo, `desk-${size}-questions`);
  await expectSeen(page, [...busAndBar(page), ...questionsTab(page)]);

  await selectByKeys(page, 'Ma fille');
  await expect(page.getByTestId('not-projectable')).toBeVisible();
  await shot(page, testInfo, `desk-${size}-questions-flagged`);
  const answers = ['not projectable', 'clear the flags (c)', 'redact (x)'];
  await expectSeen(page, [
    ...busAndBar(page),
    ...questionsTab(page).filter(([name]) => name !== 'first question'),
    ['the selected question in the queue', page.locator('[data-testid="question-row"][aria-selected="true"]')],
    ...flaggedDetail(page).filter(([name]) => flaggedAnswersInView || !answers.includes(name)),
  ]);
  if (!flaggedAnswersInView) {
    await page.getByTestId('q-clear-flags').scrollIntoViewIfNeeded();
    await expectSeen(
      page,
      flaggedDetail(page).filter(([name]) => answers.includes(name)),
    );
  } else {
    // v on it: refused, and the word that says why (« levez le signalement (c) ») takes no room
    // from the question's text and its answers.
    await page.keyboard.press('v');
    await expect(page.getByTestId('questions-feedback')).toHaveAttribute('data-tone', 'error');
    await shot(page, testInfo, `desk-${size}-questions-flagged-refused`);
    await expectSeen(page, [...flaggedDetail(page), ['why', page.getByTestId('questions-feedback')]]);
  }

  // A long question approved, in preview, taken: the preview empties, the bus keeps its layout.
  await selectByKeys(page, LONG);
  await page.keyboard.press('a');
  await expect(row(page, LONG)).toHaveCount(0);
  await page.keyboard.press('2');
  await selectByKeys(page, LONG);
  await page.keyboard.press('v');
  await expect(page.getByTestId('preview-monitor')).toHaveAttribute('data-scene', 'question');
  await page.getByTestId('take').click();
  await expect(page.getByTestId('onair-caption')).toHaveAttribute('data-scene', 'question');
  await expect(page.getByTestId('previous-scene')).toBeVisible();
  await shot(page, testInfo, `desk-${size}-after-take`);
  await expectBusAfterTake(page);
}
