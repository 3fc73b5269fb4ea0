import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

// Three projects: unit (pure modules, components under jsdom per file), integration (real
// servers, real files, the built CLI), bench (npm run bench; never timed assertions in tests).
export default defineConfig({
  plugins: [react()],
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.{ts,tsx}'],
          environment: 'node',
          // A timeout here only catches a hang; speed is measured in bench/, never asserted. A
          // jsdom test that types a whole certificate takes a few seconds on a quiet 2-core
          // machine and over 30 s under heavy load (issue 17), so the bound is wide.
          testTimeout: 120_000,
          // Hooks build the same worlds (vaults, PKIs, servers): the same hang guard, not 10 s.
          hookTimeout: 120_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          environment: 'node',
          // As above: real servers, child processes and files under load; a hang still ends.
          testTimeout: 180_000,
          hookTimeout: 180_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'bench',
          include: [],
          benchmark: { include: ['bench/**/*.bench.ts'] },
          environment: 'node',
        },
      },
    ],
  },
});
