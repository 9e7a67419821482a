// Types of scripts/native-electron.mjs for the TypeScript tests.
export interface ElectronNativeInfo {
  electronVersion: string;
  abi: string | null;
  sqlitePkgDir: string;
  sqliteVersion: string;
  dir: string;
  binding: string;
  stampFile: string;
  logFile: string;
}
export type ElectronNativeResult =
  { ok: true; binding: string; source: 'prebuilt' | 'compiled' | 'cached' } | { ok: false; offline: boolean; message: string };
export function electronNativeInfo(env?: NodeJS.ProcessEnv): ElectronNativeInfo;
export function electronArch(platform: NodeJS.Platform | string, arch: string, env: NodeJS.ProcessEnv): string;
export function toolchainHint(platform: NodeJS.Platform | string): string;
export function buildElectronNative(options?: {
  quiet?: boolean;
  env?: NodeJS.ProcessEnv;
  platform?: NodeJS.Platform;
  arch?: string;
}): ElectronNativeResult;
