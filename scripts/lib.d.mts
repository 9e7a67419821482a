// Types of scripts/lib.mjs for the TypeScript tests.
type Env = Readonly<Record<string, string | undefined>>;
export type StartPlan =
  { mode: 'electron' } | { mode: 'install' } | { mode: 'probe' } | { mode: 'browser'; reasonFr: string; reasonEn: string };
export function run(cmd: string, args: string[], opts?: object): unknown;
export function ensureBuilt(): void;
export function desktopPossible(platform: NodeJS.Platform, env: Env): boolean;
export function startPlan(input: {
  platform: NodeJS.Platform;
  env: Env;
  binary: boolean;
  cachedZip: boolean;
  reachable: boolean | null;
}): StartPlan;
export function downloadProbeTarget(env: Env): { host: string; port: number };
export function electronCacheRoot(platform: NodeJS.Platform, env: Env, home: string): string;
export function electronZipCached(input: { version: string; platform: NodeJS.Platform; arch: string; env: Env; home: string }): boolean;
export function stopPlan(platform: NodeJS.Platform): { forward: boolean; graceMs: number };
