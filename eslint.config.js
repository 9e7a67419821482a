import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

/** An import of another layer of src/: one or more `../` then the layer's folder. */
const layers = (names, message) => ({ patterns: [{ regex: `^(\\.\\./)+(${names.join('|')})(/|$)`, message }] });
const NO_ELECTRON = { paths: [{ name: 'electron', message: 'Seuls src/main/electron et src/preload importent electron.' }] };
const SHARED_PURE = {
  patterns: [{ group: ['node:*', 'electron', 'react', 'react-dom', 'better-sqlite3', 'socket.io*'], message: 'src/shared est du TypeScript pur.' }],
};
const HUB_ENTRY_ONLY = {
  patterns: [{ regex: '^(\\.\\./)+hub/(?!index$)', message: 'La régie n’utilise le hub que par src/hub/index.ts.' }],
};
const NOT_THE_VIEWS = layers(['renderer', 'preload'], 'Le cœur n’importe pas les vues.');

/** One config block per group of files, with all its import restrictions merged. */
function importRules(blocks) {
  return blocks.map(({ files, ignores, rules }) => ({
    files,
    ...(ignores ? { ignores } : {}),
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: rules.flatMap((r) => r.paths ?? []), patterns: rules.flatMap((r) => r.patterns ?? []) },
      ],
    },
  }));
}

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', '.cache/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      eqeqeq: ['error', 'always'],
      'no-console': 'off',
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // Views render participants' text: never as HTML.
      'no-restricted-syntax': ['error', { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'Le texte du public s’affiche comme texte, jamais comme HTML.' }],
    },
  },
  {
    // The built main bundle is ESM with electron-vite's CommonJS shim, which declares its own
    // `require`: a second declaration is a syntax error and the app does not start. CommonJS is
    // loaded through src/main/platform/commonjs.ts only.
    files: ['src/main/**/*.ts', 'src/hub/**/*.ts', 'src/node/**/*.ts', 'src/shared/**/*.ts'],
    ignores: ['src/main/platform/commonjs.ts', '**/*.test.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "VariableDeclarator[id.name='require']", message: 'Utilisez loadCommonJs (src/main/platform/commonjs.ts) : le bundle principal déclare déjà require.' },
        { selector: "ImportSpecifier[imported.name='createRequire']", message: 'Utilisez loadCommonJs (src/main/platform/commonjs.ts).' },
        { selector: "CallExpression[callee.name='require']", message: 'Utilisez loadCommonJs (src/main/platform/commonjs.ts).' },
      ],
    },
  },
  // Who may import whom (src/node/README.md). ESLint keeps only the last no-restricted-imports that
  // matches a file, so each block below lists every restriction of its files.
  ...importRules([
    // Only the Electron shell and the preload may import electron.
    { files: ['src/**/*.{ts,tsx}'], ignores: ['src/main/electron/**', 'src/preload/**'], rules: [NO_ELECTRON] },
    // Shared code runs in Node and in the browser: no Node built-ins, no React, no other layer.
    { files: ['src/shared/**/*.ts'], rules: [SHARED_PURE, layers(['main', 'hub', 'node', 'renderer', 'preload'], 'src/shared est du TypeScript pur : il n’importe aucune autre couche.')] },
    // src/node lies below the régie and the hub: it imports neither.
    { files: ['src/node/**/*.ts'], rules: [NO_ELECTRON, layers(['main', 'hub', 'renderer', 'preload'], 'src/node est sous la régie et le hub : il n’importe que src/shared.')] },
    // The hub never reaches into the régie.
    { files: ['src/hub/**/*.ts'], rules: [NO_ELECTRON, layers(['main', 'renderer', 'preload'], 'src/hub n’importe pas src/main : ce qu’ils partagent est dans src/node ou src/shared.')] },
    // The régie uses the hub through src/hub/index.ts only (its tests may build a hub database).
    { files: ['src/main/**/*.ts'], ignores: ['src/main/electron/**', '**/*.test.ts'], rules: [NO_ELECTRON, HUB_ENTRY_ONLY, NOT_THE_VIEWS] },
    { files: ['src/main/electron/**/*.ts'], ignores: ['**/*.test.ts'], rules: [HUB_ENTRY_ONLY, NOT_THE_VIEWS] },
    { files: ['src/main/**/*.test.ts'], ignores: ['src/main/electron/**'], rules: [NO_ELECTRON, NOT_THE_VIEWS] },
    { files: ['src/main/electron/**/*.test.ts'], rules: [NOT_THE_VIEWS] },
    // Views are web pages: they talk to the core over its socket, never import it.
    { files: ['src/renderer/**/*.{ts,tsx}'], rules: [NO_ELECTRON, layers(['main', 'hub', 'node', 'preload'], 'Les vues parlent au cœur par sa socket : elles n’importent que src/shared.')] },
    { files: ['src/preload/**/*.ts'], rules: [layers(['main', 'hub', 'node', 'renderer'], 'Le preload n’importe que src/shared.')] },
  ]),
);
