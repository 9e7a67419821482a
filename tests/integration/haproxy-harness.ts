import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from './helpers';
import { freePort } from './redis-harness';

/**
 * Debian's HAProxy running deploy/haproxy/pupitre.cfg itself, on free loopback ports, with a
 * self-signed certificate made by openssl for 127.0.0.1 (TLS is terminated at the balancer, as at
 * a venue). The file's "${VAR}" are given in the environment, as /etc/default/haproxy gives them.
 */
export interface Balancer {
  /** https://127.0.0.1:PORT, the address the phones use. */
  url: string;
  httpPort: number;
  /** The certificate, for the clients' `ca`. */
  ca: string;
  stop(): Promise<void>;
}

/** Why the balancer's tests cannot run here, or null when they can. */
export function balancerMissing(): string | null {
  for (const tool of ['haproxy', 'openssl']) {
    if (spawnSync('sh', ['-c', `command -v ${tool}`]).status !== 0) return `${tool} absent (.ci/run installe haproxy depuis Debian)`;
  }
  return null;
}

export const HAPROXY_TEMPLATE = join(repoRoot, 'deploy/haproxy/pupitre.cfg');

function waitForPort(port: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    const attempt = () => {
      const s = connect(port, '127.0.0.1');
      s.once('connect', () => (s.destroy(), resolve()));
      s.once('error', () => {
        s.destroy();
        if (Date.now() > deadline) reject(new Error(`HAProxy n'écoute pas sur ${port}`));
        else setTimeout(attempt, 50);
      });
    };
    attempt();
  });
}

/**
 * `nodes`: the hub nodes' host:port. `source`: the address HAProxy connects to the nodes from (on
 * loopback, another address than the phones', so the nodes can tell the balancer from a phone);
 * added to the backend of the rendered copy, the template itself is used unchanged otherwise.
 */
export async function startBalancer(nodes: readonly string[], opts: { publicHost: string; source?: string }): Promise<Balancer> {
  const dir = mkdtempSync(join(tmpdir(), 'pupitre-haproxy-'));
  const key = join(dir, 'key.pem');
  const cert = join(dir, 'cert.pem');
  const made = spawnSync('openssl', [
    'req',
    '-x509',
    '-newkey',
    'ec',
    '-pkeyopt',
    'ec_paramgen_curve:prime256v1',
    '-nodes',
    '-days',
    '1',
    '-subj',
    '/CN=pupitre.test',
    '-addext',
    'subjectAltName=IP:127.0.0.1',
    '-keyout',
    key,
    '-out',
    cert,
  ]);
  if (made.status !== 0) throw new Error(`openssl : ${made.stderr.toString()}`);
  const ca = readFileSync(cert, 'utf8');
  writeFileSync(join(dir, 'pupitre.pem'), ca + readFileSync(key, 'utf8'), { mode: 0o600 });
  let config = readFileSync(HAPROXY_TEMPLATE, 'utf8');
  // Only root may become haproxy: the tests run by someone else keep their own user.
  if (process.getuid?.() !== 0) config = config.replace(/^ {4}(user|group) haproxy\n/gm, '');
  if (opts.source) config = config.replace(/^backend pupitre_hub\n/m, `backend pupitre_hub\n    source ${opts.source}\n`);
  const cfg = join(dir, 'haproxy.cfg');
  writeFileSync(cfg, config);

  const [httpPort, httpsPort] = [await freePort(), await freePort()];
  const env = {
    ...process.env,
    PUPITRE_HTTP_BIND: `127.0.0.1:${httpPort}`,
    PUPITRE_HTTPS_BIND: `127.0.0.1:${httpsPort}`,
    PUPITRE_CERT: join(dir, 'pupitre.pem'),
    PUPITRE_PUBLIC_HOST: opts.publicHost,
    PUPITRE_NODE_1: nodes[0],
    PUPITRE_NODE_2: nodes[1],
    PUPITRE_NODE_3: nodes[2],
  };
  const check = spawnSync('haproxy', ['-c', '-q', '-f', cfg], { env });
  if (check.status !== 0) throw new Error(`configuration HAProxy refusée : ${check.stdout.toString()}${check.stderr.toString()}`);
  let out = '';
  // -n: this sandbox allows 20,000 open files per process, fewer than the template's maxconn needs.
  const child: ChildProcess = spawn('haproxy', ['-db', '-n', '4000', '-f', cfg], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout?.on('data', (d: Buffer) => (out = (out + d.toString()).slice(-20_000)));
  child.stderr?.on('data', (d: Buffer) => (out = (out + d.toString()).slice(-20_000)));
  const exited = new Promise<void>((res) => child.once('exit', () => res()));
  await Promise.race([waitForPort(httpsPort, 10_000), exited.then(() => Promise.reject(new Error(`HAProxy s'est arrêté : ${out}`)))]);
  return {
    url: `https://127.0.0.1:${httpsPort}`,
    httpPort,
    ca,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
