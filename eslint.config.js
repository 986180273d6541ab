// Lint rules that the type checker cannot enforce: no floating promises (a lost
// rejection is a lost write) and no import cycles (layers point one way).
import tseslint from 'typescript-eslint';
import importX from 'eslint-plugin-import-x';

export default tseslint.config(
  { ignores: ['dist/', 'dev-dist/', 'node_modules/', '.tmp/', 'public/'] },
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { 'import-x': importX },
    settings: { 'import-x/resolver': { node: { extensions: ['.ts', '.tsx', '.js', '.mjs'] } } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-default-export': 'error',
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.property.name='only']", message: 'No .only in tests.' },
        { selector: "CallExpression[callee.property.name='skip']", message: 'No skipped tests.' },
      ],
    },
  },
  {
    files: ['src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: ['../*', 'yjs', 'y-*', 'preact', 'preact/*'], message: 'The domain core imports nothing of ours but itself, and no I/O.' },
      ] }],
      // Dates are values here; the clock is not: the time comes in as an argument.
      'no-restricted-globals': ['error', 'indexedDB', 'window', 'document', 'crypto', 'fetch', 'navigator', 'performance'],
      'no-restricted-properties': ['error', { object: 'Date', property: 'now', message: 'The domain takes the time as an argument.' }],
      'no-restricted-syntax': [
        'error',
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'The domain takes the time as an argument.' },
        { selector: "CallExpression[callee.object.name='Math'][callee.property.name='random']", message: 'Randomness comes in as an argument.' },
      ],
    },
  },
  {
    // A sub-folder of the domain may reach its parent, and still nothing outside the domain.
    files: ['src/domain/*/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: ['../../*', 'yjs', 'y-*', 'preact', 'preact/*'], message: 'The domain core imports nothing of ours but itself, and no I/O.' },
      ] }],
    },
  },
  {
    files: ['src/records/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: ['../replica/*', '../sync/*', '../qr/*', '../ui/*', '../pwa/*', 'yjs', 'y-*', 'preact', 'preact/*'], message: 'records depends only on domain.' },
      ] }],
    },
  },
  {
    files: ['*.config.*', 'eslint.config.js', 'bench/**', 'test/**', '.ci/**'],
    rules: { 'import-x/no-default-export': 'off' },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
);
