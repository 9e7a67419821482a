import type { Command } from '../../shared/api/commands';
import type { RegieState } from '../../shared/api/state';
import { type Programme, programmeSchema } from '../../shared/domain/programme';
import { CommandRejected } from './command-rejected';
import type { RegieEvent } from './events';

type EditCommand = Extract<Command, { type: `edit.${string}` }>;

const LOCKED = 'programme verrouillé (mode spectacle) : repassez en préparation pour le modifier';

export function assertUnlocked(state: RegieState): void {
  if (state.editLocked) throw new CommandRejected(LOCKED);
}

/** The edited programme must pass every check of a programme file, or nothing changes. */
export function checked(next: Programme, change: string): RegieEvent[] {
  const parsed = programmeSchema.safeParse(next);
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, 20).map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
    throw new CommandRejected(`modification refusée : ${issues[0]?.message ?? 'programme invalide'}`, issues);
  }
  return [{ type: 'programme.edited', programme: parsed.data, change }];
}

/** Edits of the run of show while preparing it: cues and interactions, checked like a file. */
export function decideEdit(state: RegieState, command: EditCommand): RegieEvent[] {
  if (command.type === 'edit.lock') {
    return state.editLocked === command.locked ? [] : [{ type: 'edit.locked', locked: command.locked }];
  }
  assertUnlocked(state);
  const p = state.programme;
  if (!p) throw new CommandRejected('aucun programme chargé');
  switch (command.type) {
    case 'edit.cue.save': {
      if (!p.sessions.some((s) => s.id === command.sessionId)) throw new CommandRejected(`séance inconnue : ${command.sessionId}`);
      // No previousId: a new cue. Its id must be free (two seats creating the same id: the second is refused).
      if (command.previousId === undefined && p.sessions.some((s) => s.cues?.some((c) => c.id === command.cue.id))) {
        throw new CommandRejected(`identifiant déjà pris : ${command.cue.id}`, [{ path: 'cue.id', message: 'identifiant déjà pris' }]);
      }
      const replaced = command.previousId ?? command.cue.id;
      const sessions = p.sessions.map((s) => {
        const kept = (s.cues ?? []).filter((c) => c.id !== replaced);
        const index = (s.cues ?? []).findIndex((c) => c.id === replaced);
        if (s.id !== command.sessionId) return kept.length === (s.cues ?? []).length ? s : { ...s, cues: kept };
        const cues = [...kept];
        cues.splice(index >= 0 ? index : cues.length, 0, command.cue); // an edited cue keeps its place
        return { ...s, cues };
      });
      return checked({ ...p, sessions }, `réplique ${command.cue.id}`);
    }
    case 'edit.cue.delete': {
      if (!p.sessions.some((s) => s.cues?.some((c) => c.id === command.cueId))) throw new CommandRejected(`réplique inconnue : ${command.cueId}`);
      const sessions = p.sessions.map((s) => (s.cues?.some((c) => c.id === command.cueId) ? { ...s, cues: s.cues.filter((c) => c.id !== command.cueId) } : s));
      return checked({ ...p, sessions }, `réplique ${command.cueId} supprimée`);
    }
    case 'edit.interaction.save': {
      const list = p.interactions ?? [];
      if (command.previousId === undefined && list.some((i) => i.id === command.interaction.id)) {
        throw new CommandRejected(`identifiant déjà pris : ${command.interaction.id}`, [{ path: 'interaction.id', message: 'identifiant déjà pris' }]);
      }
      const replaced = command.previousId ?? command.interaction.id;
      const index = list.findIndex((i) => i.id === replaced);
      const interactions = index >= 0 ? list.map((i, k) => (k === index ? command.interaction : i)) : [...list, command.interaction];
      // A renamed interaction: the cues that named it follow.
      const sessions =
        command.previousId && command.previousId !== command.interaction.id
          ? p.sessions.map((s) => ({
              ...s,
              ...(s.cues ? { cues: s.cues.map((c) => ('interaction' in c.action && c.action.interaction === command.previousId ? { ...c, action: { ...c.action, interaction: command.interaction.id } } : c)) } : {}),
            }))
          : p.sessions;
      return checked({ ...p, interactions, sessions }, `interaction ${command.interaction.id}`);
    }
    case 'edit.interaction.delete': {
      const list = p.interactions ?? [];
      if (!list.some((i) => i.id === command.interactionId)) throw new CommandRejected(`interaction inconnue : ${command.interactionId}`);
      const used = p.sessions.flatMap((s) => s.cues ?? []).find((c) => 'interaction' in c.action && c.action.interaction === command.interactionId);
      if (used) throw new CommandRejected(`la réplique ${used.id} lance cette interaction : supprimez-la ou changez-la d’abord`);
      return checked({ ...p, interactions: list.filter((i) => i.id !== command.interactionId) }, `interaction ${command.interactionId} supprimée`);
    }
    default:
      return command satisfies never;
  }
}
