/**
 * Keeps the output on its display: runs the pure picker (displays.ts) at start, on every
 * display change and on the operator's choice; remembers the display in the data folder.
 */
import { join } from 'node:path';
import type { NativeDisplay } from '../../shared/api/native';
import type { Logger } from '../../node/log/logger';
import { DISPLAY_MEMORY_FILE, loadRememberedDisplay, saveRememberedDisplay } from './display-memory';
import {
  type DisplayPick,
  type RememberedDisplay,
  nextRemembered,
  pickOutputDisplay,
  planOutput,
  rememberDisplay,
  sameRemembered,
} from './displays';
import type { OutputWindow } from './output-window';
import { currentScreens, watchScreens } from './screens';

export class Projector {
  private remembered: RememberedDisplay | null;
  private windowChosen = false;
  private readonly memoryFile: string;
  private unwatch: (() => void) | null = null;

  constructor(
    private readonly output: OutputWindow,
    dataDir: string,
    private readonly logger: Logger,
    /** Called after every placement (the menu lists the displays). */
    private readonly onChange: () => void,
  ) {
    this.memoryFile = join(dataDir, DISPLAY_MEMORY_FILE);
    this.remembered = loadRememberedDisplay(this.memoryFile);
  }

  start(): void {
    this.replan('start');
    this.unwatch = watchScreens((reason) => this.replan(reason));
  }

  stop(): void {
    this.unwatch?.();
    this.unwatch = null;
  }

  /** The displays for the control view and the menu. */
  describe(): NativeDisplay[] {
    const { displays, primaryId } = currentScreens();
    const outputId = this.output.externalDisplayId;
    return displays.map((d) => ({ ...d, bounds: { ...d.bounds }, primary: d.id === primaryId, output: d.id === outputId }));
  }

  /** The operator's choice: a display (fullscreen there, remembered), or null (a window on their screen). */
  choose(displayId: number | null): void {
    if (displayId === null) {
      this.windowChosen = true;
      this.logger.info('output display chosen', { display: 'window' });
      void this.output.place({ mode: 'window' }).then(this.onChange);
      return;
    }
    const display = currentScreens().displays.find((d) => d.id === displayId);
    if (!display) throw new Error(`Écran introuvable (${displayId}) : il a peut-être été débranché.`);
    this.windowChosen = false;
    this.remember(rememberDisplay(display));
    this.logger.info('output display chosen', { id: display.id, label: display.label });
    void this.output.place({ mode: 'external', display, match: 'id' }).then(this.onChange);
  }

  /** « Afficher la sortie »: bring it back; when it was hidden for lack of a projector, as a window. */
  show(): void {
    const win = this.output.window;
    if (this.output.mode === 'hidden' || !win) {
      const pick = this.pick();
      if (pick) {
        void this.output.place({ mode: 'external', display: pick.display, match: pick.match }).then(this.onChange);
      } else {
        this.choose(null);
      }
      return;
    }
    win.showInactive();
    win.moveTop();
  }

  private pick(): DisplayPick | null {
    const { displays, primaryId } = currentScreens();
    return pickOutputDisplay(displays, primaryId, this.remembered);
  }

  private replan(reason: string): void {
    const pick = this.pick();
    const plan = planOutput({ pick, current: this.output.mode, windowChosen: this.windowChosen });
    this.logger.info('output plan', { reason, mode: plan.mode, match: pick?.match ?? null, display: pick?.display.id ?? null });
    if (pick && plan.mode === 'external') this.remember(nextRemembered(this.remembered, pick));
    void this.output.place(plan).then(this.onChange);
  }

  private remember(next: RememberedDisplay): void {
    if (sameRemembered(this.remembered, next)) return;
    this.remembered = next;
    try {
      saveRememberedDisplay(this.memoryFile, next);
    } catch (err) {
      this.logger.warn('could not remember the output display', { err: String(err) });
    }
  }
}
