import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The README and docs/ point only inside the repository, at files that exist: a reader who follows
// a link or a path (`docs/desk.md`, `src/hub/cli.ts`) finds it, and nothing points at a folder
// beside the clone (the README once sent readers to `../shared/design.md`, which no clone has).
// The README also keeps the two commands a new machine needs, and every `npm run X` named in these
// files is a script of package.json.

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Top-level folders that are built or downloaded, not part of a clone: paths into them are not checked. */
const NOT_IN_A_CLONE = new Set(['node_modules', 'out', 'dist', '.cache', 'test-results', 'playwright-report', '.git']);

/**
 * Paths a design document names before the code exists (docs/rooms.md is issue 17's contract, being
 * built): not yet files, and not mistakes. They must still point inside the repository.
 */
const PLANNED: Record<string, readonly string[]> = { 'docs/rooms.md': ['bench/rooms'] };

/** The top-level entries of the repository a code span may name (`src/…`, `docs/…`, `.ci/run`). */
const topLevel = new Set(readdirSync(root).filter((name) => !NOT_IN_A_CLONE.has(name)));

function docFiles(): string[] {
  const docs = readdirSync(join(root, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => join(root, 'docs', f));
  return [join(root, 'README.md'), ...docs];
}

interface Reference {
  /** As written in the file. */
  target: string;
  /** Where it points, on disk. */
  path: string;
  line: number;
}

/** Markdown links `[text](target)` and reference definitions `[id]: target`, relative to the file (as GitHub reads them). */
function markdownLinks(file: string, text: string): Reference[] {
  const refs: Reference[] = [];
  const lines = text.split('\n');
  lines.forEach((line, i) => {
    const targets = [
      ...line.matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g),
      ...line.matchAll(/^\s*\[[^\]]+\]:\s+<?(\S+?)>?(?:\s|$)/g),
    ].map((m) => m[1]!);
    for (const target of targets) {
      if (/^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith('#')) continue; // a URL (https:, mailto:) or an anchor
      const bare = decodeURI(target.replace(/#.*$/, ''));
      refs.push({ target, path: isAbsolute(bare) ? bare : resolve(dirname(file), bare), line: i + 1 });
    }
  });
  return refs;
}

/**
 * Paths in code spans, read from the repository's root as these docs write them: those starting
 * with `./` or `../`, and those whose first segment is a top-level entry of the repository
 * (`src/main/core.ts`, `docs/rooms.md`, `.ci/run`). Spans with a placeholder or a glob
 * (`<id>`, `*`, `{…}`) or a space are not paths to check; neither are fenced code blocks.
 */
function codeSpanPaths(text: string): Reference[] {
  const refs: Reference[] = [];
  let fenced = false;
  text.split('\n').forEach((line, i) => {
    if (/^\s*(```|~~~)/.test(line)) {
      fenced = !fenced;
      return;
    }
    if (fenced) return;
    for (const m of line.matchAll(/`([^`\n]+)`/g)) {
      const span = m[1]!.trim();
      if (/[\s<>*{}|$]/.test(span) || /^[a-z][a-z0-9+.-]*:\/\//i.test(span)) continue;
      const bare = span.replace(/[#?].*$/, '').replace(/:\d+$/, '');
      const relativeToRoot = bare.startsWith('./') || bare.startsWith('../');
      const first = bare.split('/')[0]!;
      if (!relativeToRoot && !(bare.includes('/') && topLevel.has(first))) continue;
      refs.push({ target: span, path: resolve(root, bare), line: i + 1 });
    }
  });
  return refs;
}

function problems(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const name = relative(root, file);
  return [...markdownLinks(file, text), ...codeSpanPaths(text)].flatMap((ref) => {
    const inside = ref.path === root || ref.path.startsWith(root + sep);
    if (!inside) return [`${name}:${ref.line}: « ${ref.target} » points outside the repository`];
    const first = relative(root, ref.path).split(sep)[0]!;
    if (NOT_IN_A_CLONE.has(first)) return [];
    if (PLANNED[name]?.includes(ref.target)) return [];
    if (!existsSync(ref.path)) return [`${name}:${ref.line}: « ${ref.target} » does not exist in the repository`];
    return [];
  });
}

describe('README.md and docs/', () => {
  it('link and point only inside the repository, at files that exist', () => {
    const found = docFiles().flatMap(problems);
    expect(found).toEqual([]);
  });

  it('name only npm scripts that package.json has', () => {
    const scripts = Object.keys(
      (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts,
    );
    const unknown = docFiles().flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/npm run ([\w:.-]+)/g)]
        .map((m) => m[1]!)
        .filter((s) => !scripts.includes(s))
        .map((s) => `${relative(root, file)}: npm run ${s}`),
    );
    expect(unknown).toEqual([]);
  });

  it('the README gives the two commands of a new machine: install and run the demo, run every test', () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    const blocks = [...readme.matchAll(/```(?:sh|bash|shell)?\n([\s\S]*?)```/g)].map((m) => m[1]!);
    const commands = blocks.flatMap((b) => b.split('\n')).map((l) => l.replace(/#.*$/, '').trim());
    expect(commands).toContain('npm install && npm start');
    expect(commands).toContain('npm test');
    // What they run: the start script (the app on its demo) and the test script CI runs.
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(pkg.scripts.start).toBe('node scripts/start.mjs');
    expect(pkg.scripts.test).toBe('node scripts/test-all.mjs');
    expect(readFileSync(join(root, '.ci', 'run'), 'utf8')).toMatch(/^npm test$/m);
  });
});
