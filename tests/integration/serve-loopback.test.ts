import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot } from './helpers';

/**
 * `npm run serve` with its hub bound to 127.0.0.1: the join address printed (and put in the QR
 * code) reaches no phone, and the output says so under the addresses, in words and in the JSON.
 */

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** Runs serve until `done(line)` says its output is complete; returns every line, then stops it. */
async function serveOutput(extra: string[], done: (line: string) => boolean): Promise<string[]> {
  const dataDir = mkdtempSync(join(tmpdir(), 'pupitre-serve-'));
  dirs.push(dataDir);
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      'src/main/cli/serve.ts',
      '--data-dir',
      dataDir,
      '--port',
      '0',
      '--hub-port',
      '0',
      '--hub-host',
      '127.0.0.1',
      ...extra,
    ],
    {
      cwd: repoRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<number | null>((res) => child.once('exit', (code) => res(code)));
  const lines: string[] = [];
  try {
    await new Promise<void>((res, rej) => {
      createInterface({ input: child.stdout }).on('line', (line) => {
        lines.push(line);
        if (done(line)) res();
      });
      void exited.then((code) => rej(new Error(`serve exited (${code}) before its output was complete: ${stderr}`)));
    });
  } finally {
    child.kill('SIGTERM');
    await exited;
  }
  return lines;
}

describe('npm run serve with a hub on 127.0.0.1', () => {
  it('marks the join address as this computer’s only and warns that no phone can reach it', async () => {
    const lines = await serveOutput([], (l) => l.includes('Ctrl+C pour arrêter'));
    const publicLine = lines.find((l) => l.includes('Public (participants)'));
    expect(publicLine).toMatch(/http:\/\/127\.0\.0\.1:\d+\/\?e=\w+ {2}\(cet ordinateur seulement\)$/);
    const warning = lines.find((l) => l.includes('Attention'));
    expect(warning).toMatch(
      /^ {2}Attention : aucun téléphone ne peut joindre http:\/\/127\.0\.0\.1:\d+\/\?e=\w+, cette adresse ne désigne que cet ordinateur — le hub n’écoute que sur 127\.0\.0\.1 \(--hub-host\)/,
    );
    expect(lines.indexOf(warning ?? '')).toBeGreaterThan(lines.indexOf(publicLine ?? ''));
  });

  it('gives the warning in the JSON line too', async () => {
    const lines = await serveOutput(['--json'], (l) => l.startsWith('{'));
    const ready = JSON.parse(lines.find((l) => l.startsWith('{')) ?? '{}') as { joinUrls: string[]; joinWarning: string | null };
    expect(ready.joinUrls).toHaveLength(1);
    expect(ready.joinWarning).toContain(`aucun téléphone ne peut joindre ${ready.joinUrls[0]}`);
  });
});
