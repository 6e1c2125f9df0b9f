import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';

// What the login page loads sits in login-assets/, the only assets the server gives to anonymous
// browsers; everything else stays in assets/ behind sign-in.
const LOGIN_ASSETS = 'login-assets';
const forLogin = (moduleIds: readonly string[]) =>
  moduleIds.some((id) => id.includes('/src/login/') || id.endsWith('/src/api/session.ts') || id.includes('modulepreload-polyfill'));

// The Spring Boot server that backs the console during `npm run dev`; BATON_BACKEND overrides
// it, e.g. BATON_BACKEND=http://localhost:18383 npm run dev.
const backend = process.env.BATON_BACKEND || 'http://localhost:8080';

export default defineConfig({
  // Relative asset URLs keep the console working under a servlet context path.
  base: './',
  build: {
    // Maven packages target/classes into the jar; Spring Boot serves classpath:/static/ at /.
    outDir: 'target/classes/static',
    emptyOutDir: true,
    // the modeler chunk (bpmn-js Modeler, properties panel, token simulation) is about 1.6 MB and loads
    // only on #/modeler; everything else stays far below this
    chunkSizeWarningLimit: 1700,
    rollupOptions: {
      input: {
        index: resolve(import.meta.dirname, 'index.html'),
        login: resolve(import.meta.dirname, 'login.html'),
      },
      output: {
        entryFileNames: (chunk) => (forLogin(chunk.moduleIds) ? LOGIN_ASSETS : 'assets') + '/[name]-[hash].js',
        chunkFileNames: (chunk) => (forLogin(chunk.moduleIds) ? LOGIN_ASSETS : 'assets') + '/[name]-[hash].js',
        assetFileNames: (asset) =>
          (asset.names.some((name) => name.startsWith('login')) ? LOGIN_ASSETS : 'assets') + '/[name]-[hash][extname]',
      },
    },
  },
  server: {
    proxy: {
      '/api': backend,
      '/engine-rest': backend,
      '/login': backend,
      '/logout': backend,
    },
  },
  test: {
    environment: 'happy-dom',
    include: ['src/**/*.test.ts'],
  },
});
