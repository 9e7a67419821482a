import type { Logger } from '../../node/log/logger';
import type { Settings } from '../store/settings';
import type { LanListeners, LanListenersView } from './lan-listeners';

/**
 * « Ouvrir aux tablettes du réseau local »: the desk's switch over the LAN listeners. The choice is
 * a setting of this machine (`lan.open` in the data folder's settings, with who and when), kept
 * across restarts; each change is written to the log with the seat that made it. Not a journaled
 * command: it is not part of the show (as the seats' tokens, it is the machine's set-up).
 *
 * At start: `npm run serve -- --lan` (or `startCore({ lan })`) decides for this run, without
 * changing the stored choice; otherwise the stored choice, closed by default.
 */

export const LAN_SETTING = 'lan.open';

export interface LanState extends LanListenersView {
  /** When it was last switched (ms), and by whom (a seat's name, or « ligne de commande »). */
  changedAt: number | null;
  changedBy: string | null;
}

interface Stored {
  open: boolean;
  at: number;
  by: string;
}

function readStored(settings: Settings): Stored | null {
  const raw = settings.get(LAN_SETTING);
  if (raw === undefined) return null;
  try {
    const v = JSON.parse(raw) as Partial<Stored>;
    if (typeof v.open !== 'boolean') return null;
    return { open: v.open, at: typeof v.at === 'number' ? v.at : 0, by: typeof v.by === 'string' ? v.by : '' };
  } catch {
    return null;
  }
}

export interface LanSwitchDeps {
  listeners: LanListeners;
  /** A getter: the settings are opened again after the RGPD purge. */
  settings: () => Settings;
  logger: Logger;
  now?: () => number;
}

export class LanSwitch {
  private changed: { at: number; by: string } | null = null;

  constructor(private readonly deps: LanSwitchDeps) {}

  /** At start: the command line's choice when there is one, else the stored one. */
  async start(commandLine: boolean | undefined): Promise<LanState> {
    const stored = readStored(this.deps.settings());
    const open = commandLine ?? stored?.open ?? false;
    this.changed = commandLine === undefined ? (stored ? { at: stored.at, by: stored.by } : null) : { at: (this.deps.now ?? Date.now)(), by: 'ligne de commande' };
    const view = open ? await this.deps.listeners.open() : this.deps.listeners.view();
    if (open) this.deps.logger.info('lan open at start', { from: commandLine === undefined ? 'setting' : 'command line', addresses: view.addresses, failed: view.failed });
    return this.with(view);
  }

  /** The desk's switch: listens (or stops), stores the choice, logs who did it. */
  async set(open: boolean, by: string): Promise<LanState> {
    const at = (this.deps.now ?? Date.now)();
    const cut = open ? 0 : this.deps.listeners.view().views;
    const view = open ? await this.deps.listeners.open() : await this.deps.listeners.close();
    this.deps.settings().set(LAN_SETTING, JSON.stringify({ open, at, by } satisfies Stored));
    this.changed = { at, by };
    if (open) this.deps.logger.info('lan opened', { by, addresses: view.addresses, failed: view.failed });
    else this.deps.logger.info('lan closed', { by, viewsCut: cut });
    return this.with(view);
  }

  /** As it is now (the machine's addresses followed when open). */
  async state(): Promise<LanState> {
    return this.with(await this.deps.listeners.refresh());
  }

  private with(view: LanListenersView): LanState {
    return { ...view, changedAt: this.changed?.at ?? null, changedBy: this.changed?.by ?? null };
  }
}
