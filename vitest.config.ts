import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 240_000,
    projects: [
      { extends: true, test: { name: 'unit', include: ['tests/unit/**/*.test.ts'] } },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          // One DynamoDB Local and one SES emulator for the whole run; each file has its own table and council.
          globalSetup: ['tests/support/globalSetup.ts'],
        },
      },
      { extends: true, test: { name: 'infra', include: ['tests/infra/**/*.test.ts'], exclude: [...configDefaults.exclude, 'tests/infra/stack/**'] } },
      {
        extends: true,
        test: {
          name: 'stack',
          include: ['tests/infra/stack/**/*.test.ts'],
          // The CDK app is synthesized (slow: every handler bundled, cdk-nag run) once for all the stack files.
          globalSetup: ['tests/infra/stack/synth.ts'],
        },
      },
    ],
  },
});
