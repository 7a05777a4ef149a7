import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// Where queries live and how modules meet (docs/architecture.md, "What may import what"): SQL only in
// repositories, the schema and the platform; another module only through its index.ts.
const NO_QUERIES = {
  group: ['drizzle-orm', 'drizzle-orm/*'],
  message: 'Queries live in *.repo.ts (or platform/): call a repository function instead.',
};
const PUBLIC_ONLY = 'Use another module only through its index.ts, not its internal files.';
// From inside modules/: any path that climbs out (`../`, `../../`) into another folder must end at its index.ts;
// platform/ and db/ are shared machinery. A family folder's own top-level files (`../access.ts`) are its own.
const FROM_MODULE = { regex: '^(\\.\\./)+(?!platform/|db/)[^./][^/]*/(?!index\\.ts$).+', message: PUBLIC_ONLY };
const FROM_OUTSIDE = { regex: '(^|/)modules/[^/]+/(?!index\\.ts$).+', message: PUBLIC_ONLY };
const restrict = (...patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });

function boundaries() {
  const tests = '**/*.test.ts';
  return [
    {
      files: ['apps/server/src/modules/**/*.ts'],
      ignores: ['**/*.repo.ts', tests],
      rules: restrict(NO_QUERIES, FROM_MODULE),
    },
    { files: ['apps/server/src/modules/**/*.repo.ts'], rules: restrict(FROM_MODULE) },
    {
      files: ['apps/server/src/seed/**/*.ts', 'apps/server/src/*.ts'],
      ignores: [tests],
      rules: restrict(NO_QUERIES, FROM_OUTSIDE),
    },
  ];
}

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      'data/**',
      'apps/server/drizzle/**',
      '.e2e-artifacts/**',
      'bench/results/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: {
          allowDefaultProject: ['eslint.config.js', 'vitest.config.ts'],
        },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'off',
      // Fastify plugins and handlers are async by contract even when they do not await.
      '@typescript-eslint/require-await': 'off',
    },
  },
  {
    // Tests read loosely typed JSON bodies; asserting on them is what they are for.
    files: ['**/*.test.ts', 'e2e/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-base-to-string': 'off',
    },
  },
  ...boundaries(),
  {
    // Components reach the API only through their feature's *.api.ts (typed, answers parsed), and
    // style through CSS modules or the theme.
    files: ['apps/web/src/**/*.tsx'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: 'Literal[value=/^\\/api\\//], TemplateElement[value.raw=/^\\/api\\//]',
          message: "Call the feature's *.api.ts function instead of writing an /api/ path in a component.",
        },
        {
          selector: 'JSXAttribute[name.name="style"]',
          message: 'Style with a CSS module or the theme, not an inline style.',
        },
      ],
    },
  },
  { files: ['eslint.config.js'], ...tseslint.configs.disableTypeChecked },
);
