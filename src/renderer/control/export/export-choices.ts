import { mainQa } from '../../../shared/api/room-live';
import type { ViewState } from '../../../shared/api/state';

/** The export formats the core serves (see src/main/export/export-file.ts). */
export const deskExportFormats = ['csv', 'csv-unanswered', 'csv-polls', 'csv-words', 'xlsx', 'pdf'] as const;
export type DeskExportFormat = (typeof deskExportFormats)[number];

export const isCsvFormat = (f: DeskExportFormat): boolean => f.startsWith('csv');

export interface ExportChoice {
  scope: string;
  format: DeskExportFormat;
  names: boolean;
  comma: boolean;
}

/** The session to offer first: the one running, else the one whose Q&A is open, else the whole event. */
export function defaultScope(state: Pick<ViewState, 'programme' | 'live'>, running: string | null): string {
  const ids = new Set(state.programme?.sessions.map((s) => s.id) ?? []);
  if (running && ids.has(running)) return `session:${running}`;
  const qa = mainQa(state).sessionId;
  if (qa && ids.has(qa)) return `session:${qa}`;
  return 'event';
}

/** The core's address for an export, with the seat's token. */
export function exportUrl(choice: ExportChoice, token: string): string {
  const q = new URLSearchParams({
    scope: choice.scope,
    format: choice.format,
    names: choice.names ? '1' : '0',
    sep: choice.comma ? ',' : ';',
    token,
  });
  return `/export?${q.toString()}`;
}
