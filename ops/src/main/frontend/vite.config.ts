import { resolve } from 'node:path';
import { defineConfig } from 'vite';

// Two pages under /admin: the portal (index.html) and the bundled GraphiQL (graphiql.html, which the
// application also serves at /graphiql). Maven passes the output folder (the jar's static/admin);
// run by hand, the build lands in dist/. JSX is compiled by Vite's own esbuild (no React plugin:
// fewer dependencies, and Fast Refresh is not needed for a bundle served by the application).
export default defineConfig({
  base: '/admin/',
  esbuild: { jsx: 'automatic', jsxImportSource: 'react' },
  // `npm run dev` (http://localhost:5173/admin/) against an application running on 8080
  server: {
    proxy: {
      '/graphql': { target: 'http://localhost:8080', ws: true },
      '/admin/api': 'http://localhost:8080',
    },
  },
  build: {
    outDir: process.env.PORTAL_OUT_DIR ?? 'dist',
    emptyOutDir: true,
    // everything is served by the application itself: no inline assets that a strict CSP would need to allow
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 2000,
    rollupOptions: {
      input: {
        portal: resolve(import.meta.dirname, 'index.html'),
        graphiql: resolve(import.meta.dirname, 'graphiql.html'),
      },
    },
  },
});
