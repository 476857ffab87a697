import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // One graphql module instance, else "Cannot use GraphQLObjectType from another module or realm" (NOTES.md).
    alias: { graphql: 'graphql/index.js' },
  },
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/helpers/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Two cores: files run two at a time, each on its own database cloned from a migrated template.
    maxWorkers: 2,
  },
});
