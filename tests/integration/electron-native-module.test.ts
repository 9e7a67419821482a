/**
 * better-sqlite3 for Electron (scripts/native-electron.mjs): the prebuilt binary first, fetched by
 * prebuild-install from a mirror (here a local HTTP server standing for the download host), then
 * node-gyp against Electron's headers as the fallback, and a message that names the right
 * toolchain per platform. The script runs as `npm start` runs it: a child process.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { type AddressInfo } from 'node:net';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { electronArch, electronNativeInfo, toolchainHint } from '../../scripts/native-electron.mjs';
import { repoRoot } from './helpers';

/** A ustar archive (what prebuild-install unpacks): 512-byte headers, contents padded to 512. */
function tar(files: Record<string, Buffer>): Buffer {
  const blocks: Buffer[] = [];
  for (const [name, body] of Object.entries(files)) {
    const header = Buffer.alloc(512);
    header.write(name, 0, 100, 'utf8');
    header.write('0000644\0', 100);
    header.write('0000000\0', 108);
    header.write('0000000\0', 116);
    header.write(body.length.toString(8).padStart(11, '0') + '\0', 124);
    header.write(
      Math.floor(Date.now() / 1000)
        .toString(8)
        .padStart(11, '0') + '\0',
      136,
    );
    header.write('        ', 148); // checksum placeholder
    header.write('0', 156);
    header.write('ustar\0', 257);
    header.write('00', 263);
    let sum = 0;
    for (const byte of header) sum += byte;
    header.write(sum.toString(8).padStart(6, '0') + '\0 ', 148);
    blocks.push(header, body, Buffer.alloc((512 - (body.length % 512)) % 512));
  }
  blocks.push(Buffer.alloc(1024));
  return Buffer.concat(blocks);
}

const info = electronNativeInfo();
const platform = process.platform;
const arch = process.arch;
const prebuiltName = `better-sqlite3-v${info.sqliteVersion}-electron-v${info.abi}-${platform}-${arch}.tar.gz`;
/** Stands for better_sqlite3.node built for Electron: its ABI's register symbol, and a real size. */
const fakeBinding = Buffer.concat([Buffer.from(`\0node_register_module_v${info.abi}\0`), Buffer.alloc(300 * 1024, 7)]);

interface Mirror {
  server: Server;
  url: string;
  requests: string[];
}

function startMirror(serve: Record<string, Buffer>): Promise<Mirror> {
  const requests: string[] = [];
  const server = createServer((req, res) => {
    requests.push(req.url ?? '');
    const body = serve[req.url ?? ''];
    if (body) {
      res.writeHead(200, { 'content-type': 'application/gzip', 'content-length': body.length });
      res.end(body);
    } else {
      res.writeHead(404).end('not found');
    }
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, requests })),
  );
}

function runScript(env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(repoRoot, 'scripts', 'native-electron.mjs')], {
      cwd: repoRoot,
      env: { ...process.env, ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

const work = mkdtempSync(join(tmpdir(), 'pupitre-native-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Nothing of the user's caches (prebuilt tarballs, node-gyp's headers) is used or touched. */
function isolated(name: string, mirror: Mirror): Record<string, string> {
  const dir = join(work, name);
  return {
    PUPITRE_NATIVE_CACHE: join(dir, 'native'),
    npm_config_cache: join(dir, 'npm-cache'),
    npm_config_devdir: join(dir, 'node-gyp'),
    HOME: dir,
    XDG_CACHE_HOME: join(dir, 'cache'),
    LOCALAPPDATA: join(dir, 'cache'),
    npm_config_better_sqlite3_binary_host: mirror.url,
    PUPITRE_ELECTRON_HEADERS_URL: `${mirror.url}/headers`,
  };
}

describe('better-sqlite3 for Electron', () => {
  describe('a prebuilt binary is published for this Electron', () => {
    let mirror: Mirror;
    beforeAll(async () => {
      mirror = await startMirror({
        [`/v${info.sqliteVersion}/${prebuiltName}`]: gzipSync(tar({ 'build/Release/better_sqlite3.node': fakeBinding })),
      });
    });
    afterAll(() => new Promise<void>((r) => mirror.server.close(() => r())));

    it('downloads it (no compiler, no Electron headers), then keeps it', async () => {
      const env = isolated('prebuilt', mirror);
      const first = await runScript(env);
      expect(first.code, first.stderr).toBe(0);
      const binding = first.stdout.trim().split('\n').at(-1) ?? '';
      expect(binding).toBe(
        join(env.PUPITRE_NATIVE_CACHE ?? '', info.electronVersion, 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node'),
      );
      expect(readFileSync(binding).equals(fakeBinding)).toBe(true);
      expect(first.stdout).toContain('module SQLite précompilé');
      expect(mirror.requests).toEqual([`/v${info.sqliteVersion}/${prebuiltName}`]);
      const stamp = JSON.parse(readFileSync(join(dirname2(binding, 3), 'pupitre-electron-native.json'), 'utf8')) as Record<string, unknown>;
      expect(stamp).toMatchObject({ electron: info.electronVersion, abi: info.abi, platform, arch, source: 'prebuilt' });

      // Second start: nothing downloaded again.
      const second = await runScript(env);
      expect(second.code).toBe(0);
      expect(second.stdout.trim()).toBe(binding);
      expect(mirror.requests).toHaveLength(1);
    });
  });

  describe('no prebuilt binary for this Electron', () => {
    let mirror: Mirror;
    beforeAll(async () => {
      mirror = await startMirror({});
    });
    afterAll(() => new Promise<void>((r) => mirror.server.close(() => r())));

    it('falls back to node-gyp against Electron’s headers, and says why it could not when they cannot be had', async () => {
      const env = isolated('fallback', mirror);
      const r = await runScript(env);
      expect(r.code).toBe(1);
      // First the prebuilt binary, then node-gyp asking for this Electron's headers.
      expect(mirror.requests[0]).toBe(`/v${info.sqliteVersion}/${prebuiltName}`);
      expect(mirror.requests.slice(1)).toContain(`/headers/v${info.electronVersion}/node-v${info.electronVersion}-headers.tar.gz`);
      expect(r.stdout).toContain('pas de module SQLite précompilé');
      expect(r.stderr).toContain(`Les en-têtes d’Electron ${info.electronVersion} n’ont pas pu être téléchargés`);
      expect(existsSync(join(env.PUPITRE_NATIVE_CACHE ?? '', info.electronVersion, 'better-sqlite3', 'pupitre-electron-native.json'))).toBe(
        false,
      );
    });
  });

  it('offline with nothing cached: one sentence, no compilation announced that cannot happen', async () => {
    // A mirror that is gone: connections are refused, as with no network.
    const gone = await startMirror({});
    await new Promise<void>((r) => gone.server.close(() => r()));
    const r = await runScript(isolated('offline', gone));
    expect(r.code).toBe(1);
    expect(r.stdout).not.toContain('compilation');
    expect(r.stderr.trim().split('\n')).toEqual([
      `Le module SQLite pour Electron ${info.electronVersion} n’a pas pu être téléchargé (pas d’accès à Internet ?), ni compilé faute des en-têtes d’Electron.`,
    ]);
  });

  it('builds for the Electron install.js fetched: npm’s arch when set, else this Node’s (Rosetta aside)', () => {
    expect(electronArch('linux', 'x64', {})).toBe('x64');
    expect(electronArch('win32', 'arm64', {})).toBe('arm64');
    expect(electronArch('linux', 'x64', { npm_config_arch: 'arm64' })).toBe('arm64');
  });

  it('names the toolchain each platform needs to compile it', () => {
    expect(toolchainHint('win32')).toContain('Build Tools for Visual Studio');
    expect(toolchainHint('win32')).not.toMatch(/make|g\+\+/);
    expect(toolchainHint('darwin')).toContain('xcode-select --install');
    expect(toolchainHint('linux')).toMatch(/python3, make et g\+\+/);
  });
});

function dirname2(path: string, levels: number): string {
  let p = path;
  for (let i = 0; i < levels; i += 1) p = join(p, '..');
  return p;
}
