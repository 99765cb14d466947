import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import layers from './tools/lint/layers.js';

// Packages that need Node or a native binary: never in core/ or the browser bundle.
const NODE_ONLY_PACKAGES = [
  '@fastify',
  '@resvg/resvg-js',
  'better-sqlite3',
  'close-with-grace',
  'commander',
  'fastify',
  'fastify-plugin',
  'neo4j-driver',
  'pdfkit',
];

// devDependencies: not installed in production (npm ci --omit=dev), so no layer that ships may import them.
const DEV_ONLY_PACKAGES = [
  '@seriousme/openapi-schema-validator',
  'autocannon',
  'fast-check',
  'graphology-metrics',
  'playwright-core',
  'pngjs',
  'vitest',
  'yaml',
];

// Globals that exist only in Node or only in a browser; core/ runs in both.
const PLATFORM_GLOBALS = ['Buffer', 'process', 'global', 'require', '__dirname', '__filename', 'setImmediate']
  .concat(['window', 'document', 'navigator', 'localStorage', 'sessionStorage', 'location', 'self'])
  .map((name) => ({ name, message: 'core/ is pure: it runs in Node and in the browser, without I/O.' }));

const SHORT_FUNCTIONS = ['error', { max: 150, skipBlankLines: true, skipComments: true, IIFEs: true }];

export default tseslint.config(
  { ignores: ['node_modules/**', 'web/dist/**', 'dist/**', 'data/**', '.neo4j/**', 'coverage/**', '.bench-venv/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  // The WebAssembly kernel's AssemblyScript (its own types; compiled by asc, checked by its build test).
  { ignores: ['core/analysis/kernel/assembly/**'] },
  {
    languageOptions: { globals: { console: 'readonly', process: 'readonly', URL: 'readonly' } },
    plugins: { layers },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    files: ['core/**/*.ts'],
    rules: {
      'layers/imports': [
        'error',
        {
          inside: ['core'],
          nodeBuiltins: true,
          packages: NODE_ONLY_PACKAGES.concat(DEV_ONLY_PACKAGES, ['sigma']),
          why: 'core/ is pure and imports nothing outside core/ (no server, web, Node modules or Node-only packages).',
        },
      ],
      'no-restricted-globals': ['error', ...PLATFORM_GLOBALS],
      'max-lines-per-function': SHORT_FUNCTIONS,
    },
  },
  {
    files: ['web/src/**/*.ts'],
    rules: {
      'layers/imports': [
        'error',
        {
          outside: ['server', 'test', 'tools', 'web/scripts'],
          nodeBuiltins: true,
          packages: NODE_ONLY_PACKAGES.concat(DEV_ONLY_PACKAGES),
          why: 'the front end talks to the server over HTTP only and runs in a browser.',
        },
      ],
    },
  },
  {
    files: ['server/**/*.ts'],
    rules: {
      'layers/imports': [
        'error',
        {
          outside: ['web', 'test', 'tools'],
          packages: DEV_ONLY_PACKAGES.concat(['sigma']),
          why: 'the server builds on core/, never on the front end, tests or test-only packages.',
        },
      ],
      'max-lines-per-function': SHORT_FUNCTIONS,
    },
  },
  // The bin and its start-up helpers are CommonJS (bin/package.json): `analyse` starts without the ES-module loader.
  {
    files: ['bin/**/*.js', 'tools/build/*.cjs'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: { require: 'readonly', module: 'writable', __dirname: 'readonly' },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
