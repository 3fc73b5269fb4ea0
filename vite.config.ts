import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The renderer build. The page runs under a CSP without 'unsafe-inline'
// (electron/core/serving/content-security-policy.ts), so the output must carry no inline script
// or style: vite emits the entry as a module file and the CSS as a stylesheet link, and nothing is
// inlined as a data: URL (assetsInlineLimit 0) so every asset is a file served from 'self'.
export default defineConfig({
  root: 'renderer',
  base: '/',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    assetsInlineLimit: 0,
    // The polyfill is bundled into the entry chunk (no inline script); kept for older engines.
    modulePreload: { polyfill: true },
    sourcemap: false,
    rolldownOptions: {
      output: {
        // zod checks the forms of later screens (the first-run steps after the vault, settings,
        // the wizard); the first screen does not need it. Its own named chunk makes the build
        // output show that it stays out of the entry chunk (bench/ui-bench.ts).
        codeSplitting: { groups: [{ name: 'zod', test: /[\\/]node_modules[\\/]zod[\\/]/ }] },
      },
    },
  },
});
