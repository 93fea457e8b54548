import os from 'node:os';
import path from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Tests never touch the real user's settings or sample project.
    env: { QUIRE_HOME: path.join(os.tmpdir(), `quire-test-home-${process.pid}`) },
  },
});
