/**
 * Native dialogs. A message box waits, as the real one does, until someone answers: the test,
 * with 'dialog-answer'. An error box is reported and returns (Electron's blocks until closed).
 */
import type { BrowserWindow, Dialog, MessageBoxOptions, MessageBoxReturnValue } from 'electron';
import { report } from './channel';

type DialogMembers = 'showMessageBox' | 'showErrorBox';

let nextDialogId = 1;
const waiting = new Map<number, (response: number) => void>();

function jsonOptions(options: MessageBoxOptions): Record<string, unknown> {
  return JSON.parse(JSON.stringify(options)) as Record<string, unknown>;
}

function showMessageBox(options: MessageBoxOptions): Promise<MessageBoxReturnValue>;
function showMessageBox(window: BrowserWindow, options: MessageBoxOptions): Promise<MessageBoxReturnValue>;
function showMessageBox(a: BrowserWindow | MessageBoxOptions, b?: MessageBoxOptions): Promise<MessageBoxReturnValue> {
  const options = b ?? (a as MessageBoxOptions);
  const dialogId = nextDialogId++;
  report({ kind: 'dialog', dialogId, options: jsonOptions(options) });
  return new Promise((resolve) => {
    waiting.set(dialogId, (response) => resolve({ response, checkboxChecked: false }));
  });
}

export function answerDialog(dialogId: number, response: number): void {
  const answer = waiting.get(dialogId);
  if (!answer) throw new Error(`no dialog ${dialogId} waiting`);
  waiting.delete(dialogId);
  answer(response);
}

export const dialog = {
  showMessageBox,
  showErrorBox(title: string, content: string): void {
    report({ kind: 'error-box', title, content });
  },
} satisfies Pick<Dialog, DialogMembers>;
