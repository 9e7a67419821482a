import { useCallback, useState } from 'react';
import type { Command } from '../../../shared/api/commands';
import { sendCommand } from '../../lib/core-client';
import { type MessageKey, useT } from '../../lib/i18n';

type WordCommand = Extract<Command, { type: `words.${string}` }>;

export interface WordFeedback {
  tone: 'ok' | 'error';
  text: string;
  /** What takes the action back (a ban is undone by an unban, a merge by an unmerge). */
  undo: WordCommand | null;
}

function doneKey(command: WordCommand): MessageKey {
  switch (command.type) {
    case 'words.ban':
      return 'words.done.ban';
    case 'words.unban':
      return 'words.done.unban';
    case 'words.merge':
      return 'words.done.merge';
    case 'words.unmerge':
      return 'words.done.unmerge';
    case 'words.allow':
      return 'words.done.allow';
    default:
      return command satisfies never;
  }
}

function undoOf(command: WordCommand): WordCommand | null {
  switch (command.type) {
    case 'words.ban':
      return { type: 'words.unban', cloudId: command.cloudId, word: command.word };
    case 'words.unban':
      return { type: 'words.ban', cloudId: command.cloudId, word: command.word };
    case 'words.merge':
      return { type: 'words.unmerge', cloudId: command.cloudId, word: command.from };
    default:
      // Releasing a held word is not taken back from here (it may already be on the projector).
      return null;
  }
}

/**
 * Sends the word panel's commands and keeps the latest outcome: what was done (with its undo) or
 * the core's refusal, in French, as it gave it.
 */
export function useWordActions() {
  const t = useT();
  const [feedback, setFeedback] = useState<WordFeedback | null>(null);
  const act = useCallback(
    async (command: WordCommand, label: { word: string; into?: string }) => {
      const r = await sendCommand(command);
      if (r.ok) setFeedback({ tone: 'ok', text: t(doneKey(command), { word: label.word, into: label.into ?? '' }), undo: undoOf(command) });
      else setFeedback({ tone: 'error', text: r.error.message, undo: null });
      return r.ok;
    },
    [t],
  );
  const undo = useCallback(async () => {
    if (!feedback?.undo) return;
    const r = await sendCommand(feedback.undo);
    setFeedback(r.ok ? { tone: 'ok', text: t('words.done.undone'), undo: null } : { tone: 'error', text: r.error.message, undo: null });
  }, [feedback, t]);
  return { act, undo, feedback };
}
