import { defineConfig } from 'vitest/config';

/** Integration tests drive the HTTP app against a real database; they run once per database kind. */
const integration = ['apps/server/src/**/*.routes.test.ts', 'apps/server/src/**/*.int.test.ts'];
const globalSetup = ['apps/server/src/test/global-setup.ts'];

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['packages/domain/src/**/*.test.ts', 'apps/server/src/**/*.test.ts', 'apps/web/src/**/*.test.ts'],
          exclude: [...integration, '**/node_modules/**'],
        },
      },
      {
        test: {
          name: 'pglite',
          include: integration,
          env: { QIZHI_TEST_DB: 'pglite' },
          globalSetup,
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      ...(process.env.TEST_DATABASE_URL
        ? [
            {
              test: {
                name: 'postgresql',
                include: integration,
                env: { QIZHI_TEST_DB: 'postgresql' },
                globalSetup,
                testTimeout: 30_000,
                hookTimeout: 60_000,
              },
            },
          ]
        : []),
    ],
  },
});
