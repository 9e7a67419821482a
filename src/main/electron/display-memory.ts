/**
 * The projector display, remembered between starts in a small JSON file of the data folder.
 * A file from disk is a trust boundary: it is validated, and a bad file is the same as no file.
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { z } from 'zod';
import type { RememberedDisplay } from './displays';

export const DISPLAY_MEMORY_FILE = 'output-display.json';

const rectSchema = z.object({
  x: z.number(),
  y: z.number(),
  width: z.number().positive(),
  height: z.number().positive(),
});

const rememberedSchema = z.object({
  version: z.literal(1),
  display: z.object({ id: z.number().int(), label: z.string().max(200), bounds: rectSchema }),
});

export function loadRememberedDisplay(file: string): RememberedDisplay | null {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return null;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return null;
  }
  const parsed = rememberedSchema.safeParse(json);
  return parsed.success ? parsed.data.display : null;
}

/** Written to a temporary file and renamed: a crash mid-write leaves the old file. */
export function saveRememberedDisplay(file: string, display: RememberedDisplay): void {
  const body = { version: 1, display } satisfies z.input<typeof rememberedSchema>;
  const tmp = `${file}.tmp`;
  writeFileSync(tmp, JSON.stringify(body, null, 2) + '\n');
  renameSync(tmp, file);
}
