import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import postcss from 'postcss';
import { describe, expect, it } from 'vitest';

// A stylesheet with an unclosed block still builds: the browser then drops every rule after it,
// and the desk shows unstyled (it happened in a merge). Each view's CSS must parse on its own.
const renderer = dirname(fileURLToPath(import.meta.url));

function cssFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? cssFiles(join(dir, e.name)) : e.name.endsWith('.css') ? [join(dir, e.name)] : [],
  );
}

describe('the views’ stylesheets', () => {
  const files = cssFiles(renderer);
  it('are found', () => expect(files.length).toBeGreaterThan(5));
  it.each(files.map((f) => [relative(renderer, f), f] as const))('%s parses', (_name, file) => {
    expect(() => postcss.parse(readFileSync(file, 'utf8'), { from: file })).not.toThrow();
  });
});
