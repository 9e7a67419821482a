import type { LinkStatus } from '../../shared/api/channel';
import type { HubProcessState } from './embedded-hub';

/** After a restart, the desk says so this long (the log keeps it for good). */
export const RESTART_NOTE_MS = 10 * 60_000;

const seconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000));
const minutes = (ms: number) => Math.max(1, Math.round(ms / 60_000));

/**
 * What the desk must know of the hub's process, in one French sentence, or null when there is
 * nothing to say. Shown through the link status (« Dernière erreur : … » in the « Public » panel
 * and the indicator's tooltip): the desk already shows that, no new field to learn.
 */
export function hubProcessNote(p: HubProcessState, now: number): string | null {
  if (p.inProcess) return null;
  if (p.storm) {
    const next = p.nextRestartAt === null ? '' : ` ; prochain essai dans ${seconds(p.nextRestartAt - now)} s`;
    return `le hub redémarre en boucle : ${p.recentExits} arrêts en ${minutes(p.stormWindowMs)} min (dernier : ${p.lastExit?.reason ?? '?'})${next} — voir le journal d’exploitation`;
  }
  if (!p.running && p.lastExit) {
    const when =
      p.nextRestartAt !== null && p.nextRestartAt > now ? `redémarrage dans ${seconds(p.nextRestartAt - now)} s` : 'redémarrage en cours';
    return `le processus du hub s’est arrêté (${p.lastExit.reason}) : ${when}`;
  }
  if (p.running && p.lastRestartAt !== null && now - p.lastRestartAt < RESTART_NOTE_MS) {
    const times = p.restarts === 1 ? 'une fois' : `${p.restarts} fois`;
    return `le hub a redémarré ${times} depuis le lancement (dernier arrêt : ${p.lastExit?.reason ?? '?'}) ; rien de ce qu’il avait acquitté n’est perdu`;
  }
  return null;
}

/** The link status as the views get it: the link's own last error, then the hub process's note. */
export function withHubProcessNote(link: LinkStatus, p: HubProcessState | null, now: number): LinkStatus {
  const note = p ? hubProcessNote(p, now) : null;
  if (!note) return link;
  return { ...link, lastError: link.lastError ? `${link.lastError} — ${note}` : note };
}
