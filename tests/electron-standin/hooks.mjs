// Module hooks (node:module register): `electron` resolves to the stand-in, and the stand-in's
// own TypeScript files are transpiled on load (TypeScript's transpileModule, types erased). The
// main bundle and everything it imports from node_modules load as Node loads them.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const standinDir = new URL('./', import.meta.url);
const entry = new URL('./electron/index.ts', standinDir).href;

export async function resolve(specifier, context, nextResolve) {
  if (specifier === 'electron' || specifier === 'electron/main') return { url: entry, shortCircuit: true };
  const parent = context.parentURL ?? '';
  if (parent.startsWith(standinDir.href) && parent.endsWith('.ts') && specifier.startsWith('.')) {
    const withExt = specifier.endsWith('.ts') ? specifier : `${specifier}.ts`;
    return { url: new URL(withExt, parent).href, shortCircuit: true };
  }
  return nextResolve(specifier, context);
}

export async function load(url, context, nextLoad) {
  if (url.startsWith(standinDir.href) && url.endsWith('.ts')) {
    const source = await readFile(fileURLToPath(url), 'utf8');
    const out = ts.transpileModule(source, {
      fileName: fileURLToPath(url),
      compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, sourceMap: false, inlineSourceMap: true },
    });
    return { format: 'module', source: out.outputText, shortCircuit: true };
  }
  return nextLoad(url, context);
}
