import { joinPhone } from '../integration/room-presence';
import type { Browser, Page, TestInfo } from '@playwright/test';
import { type TestParticipant } from '../../src/hub/testing/clients';
import { applyPatchOps } from '../../src/shared/api/apply-patch';
import type { CommandResult } from '../../src/shared/api/results';
import type { ViewState } from '../../src/shared/api/state';
import { zonedToEpoch } from '../../src/shared/domain/zoned-time';
import type { PatchOp } from '../../src/shared/protocol/audience-state';
import { connectView, nextSnapshot, send } from '../integration/helpers';
import { type CoreFixture, expect } from './fixtures';

// What the slip suite shares: a control seat in Node (the core's state, the reference every view
// mirrors), the desk in Chromium, and the audience watched — the real /output page (every scene
// and take it shows is recorded in the page) and a participant's phone on the embedded hub (every
// patch it receives is kept). `expectUntouched` proves a slip reached neither: a deliberate TAKE
// and a deliberate opening follow it in the core's order, and they are all the audience saw.

export const day1 = (time: string) => zonedToEpoch({ date: '2021-06-24', time }, 'Europe/Paris');

export interface Seat {
  send: (command: unknown) => Promise<CommandResult>;
  /** A command that must be accepted. */
  ok: (command: unknown) => Promise<void>;
  state: () => ViewState;
  /** Until this seat's mirror holds everything the core had committed when it answered last. */
  synced: () => Promise<void>;
  close: () => void;
}

let seats = 0;
export async function openSeat(core: Pick<CoreFixture, 'port' | 'tokens'>): Promise<Seat> {
  const socket = connectView(core.port, core.tokens.control);
  const snapshot = await nextSnapshot(socket);
  let state = snapshot.state;
  let seq = snapshot.seq;
  let answered = snapshot.seq;
  socket.on('patch', (p) => {
    state = applyPatchOps(state, p.ops);
    seq = p.seq;
  });
  const prefix = `slips-${process.pid}-${seats++}`;
  let n = 0;
  const sendOne = async (command: unknown) => {
    const r = await send(socket, { id: `${prefix}-${n++}`, command });
    if (r.ok) answered = Math.max(answered, r.seq);
    return r;
  };
  return {
    send: sendOne,
    ok: async (command) => expect(await sendOne(command), JSON.stringify(command)).toMatchObject({ ok: true }),
    state: () => state,
    synced: async () => {
      const target = answered;
      await expect.poll(() => seq >= target).toBe(true);
    },
    close: () => socket.close(),
  };
}

/** The rehearsal clock at `time` on the event's first day. */
export async function rehearseAt(seat: Seat, time: string): Promise<void> {
  await seat.ok({ type: 'clock.set', clock: { mode: 'rehearsal', at: day1(time) } });
}

/** A question typed in at the desk, approved; its id once the seat's mirror has it. */
export async function approvedQuestion(seat: Seat, text: string): Promise<string> {
  await seat.ok({ type: 'question.add', text, name: null, sessionId: 'j1-seq1' });
  let id = '';
  await expect.poll(() => (id = seat.state().audience.questions.find((q) => q.text === text)?.id ?? '')).not.toBe('');
  await seat.ok({ type: 'question.approve', questionId: id });
  return id;
}

/** The desk in Chromium, online, its keys wired, the focus on the page (in no field). */
export async function openDesk(page: Page, core: CoreFixture): Promise<void> {
  await page.goto(core.controlUrl);
  await expect(page.getByTestId('connection-state')).toHaveAttribute('data-state', 'online');
  await focusPage(page);
}

/** A click on an empty corner: no field, no button has the focus. */
export async function focusPage(page: Page): Promise<void> {
  await page.locator('body').click({ position: { x: 3, y: 3 } });
}

/** The desk asks for a confirmation (the dialog of a GO out of order or of an old undo). */
export const confirmation = (page: Page) => page.getByTestId('slip-confirm');

export async function shot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const path = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path, animations: 'disabled' });
  await testInfo.attach(name, { path, contentType: 'image/png' });
}

export const stage = (output: Page) => output.getByTestId('output-stage');

export interface Shown {
  scene: string | null;
  take: string | null;
}

/**
 * Run in the output page (as text: these tests have no DOM types): every change of the scene or
 * the take on the stage is pushed to `window.__shown`, from now on.
 */
const RECORD_SHOWN = `(() => {
  window.__observer?.disconnect();
  window.__shown = [];
  const el = document.querySelector('[data-testid="output-stage"]');
  if (!el) throw new Error('pas de scène sur la sortie');
  window.__observer = new MutationObserver(() => {
    const last = window.__shown.at(-1);
    const now = { scene: el.getAttribute('data-scene'), take: el.getAttribute('data-take') };
    if (!last || last.scene !== now.scene || last.take !== now.take) window.__shown.push(now);
  });
  window.__observer.observe(el, { attributes: true, attributeFilter: ['data-scene', 'data-take'] });
})()`;

/** The projector and a phone, watched from now on. */
export class Audience {
  private phoneFrom = 0;
  private markers = 0;

  private constructor(
    readonly output: Page,
    readonly phone: TestParticipant,
    private readonly seat: Seat,
  ) {}

  static async watch(browser: Browser, core: CoreFixture, seat: Seat): Promise<Audience> {
    const output = await browser.newPage({ viewport: { width: 960, height: 540 } });
    await output.goto(core.outputUrl);
    await expect(stage(output)).toHaveAttribute('data-state', 'idle');
    const code = new URL(core.joinUrls[0] ?? 'http://x/').searchParams.get('e') ?? '';
    const phone = await joinPhone(core, code, { origin: 'room' });
    await expect.poll(() => phone.state !== null).toBe(true);
    const audience = new Audience(output, phone, seat);
    await audience.record();
    return audience;
  }

  /** From now on: what the projector shows, what the phone receives. */
  async record(): Promise<void> {
    this.phoneFrom = this.phone.patches.length;
    await this.output.evaluate(RECORD_SHOWN);
  }

  /** Every scene and take the projector showed since `record`. */
  async shown(): Promise<Shown[]> {
    return (await this.output.evaluate('window.__shown')) as Shown[];
  }

  /** What the phone received since `record`. */
  phoneOps(): PatchOp[] {
    return this.phone.patches.slice(this.phoneFrom).flatMap((p) => p.ops);
  }

  /**
   * Nothing reached the projector or the phones since `record`: a deliberate TAKE of « Noir » and
   * a deliberate opening of a word cloud made on the spot follow, in the core's order (the outbox
   * and the views' patches keep it); they must be the first and only things the audience saw.
   */
  async expectUntouched(): Promise<void> {
    const marker = `marqueur-${this.markers++}`;
    await this.seat.ok({ type: 'program.preview', scene: { kind: 'black' } });
    await this.seat.ok({ type: 'program.take', transition: { kind: 'cut', durationMs: 0 } });
    await this.seat.ok({ type: 'interaction.create', interaction: { kind: 'wordcloud', id: marker, prompt: 'Marqueur du test' }, open: true });
    await this.seat.synced(); // the seat's mirror is past the slip too: its state can be checked after this
    await expect(stage(this.output)).toHaveAttribute('data-scene', 'black');
    await expect.poll(() => this.phone.state?.interaction?.id ?? null).toBe(marker);
    expect(await this.shown(), 'le projecteur n’a montré que le TAKE délibéré').toEqual([{ scene: 'black', take: expect.any(String) }]);
    const ops = this.phoneOps();
    const first = ops.findIndex((o) => o.op === 'interaction' && o.value?.id === marker);
    expect(ops.slice(0, first), 'les téléphones n’ont rien reçu avant le marqueur').toEqual([]);
  }

  async close(): Promise<void> {
    this.phone.close();
    await this.output.close();
  }
}
