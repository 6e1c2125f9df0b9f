import { defineConfig } from 'vitest/config';

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
    // the modeler chunk (bpmn-js Modeler, properties panel, bpmnlint) is about 1.6 MB and loads
    // only on #/modeler; everything else stays far below this
    chunkSizeWarningLimit: 1700,
  },
  server: {
    proxy: {
      '/api': backend,
      '/engine-rest': backend,
    },
  },
  test: {
    environment: 'happy-dom',
    include: ['src/**/*.test.ts'],
  },
});
