import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

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
  {
    // Only the Electron shell and the preload may import electron.
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/main/electron/**', 'src/preload/**'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'electron', message: 'Seuls src/main/electron et src/preload importent electron.' }] }],
    },
  },
  {
    // Shared code runs in Node and in the browser: no Node built-ins, no React.
    files: ['src/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['node:*', 'electron', 'react', 'react-dom', 'better-sqlite3', 'socket.io*'], message: 'src/shared est du TypeScript pur.' }] }],
    },
  },
);
