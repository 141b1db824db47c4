/// <reference types="node" />
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The console is served by the API server from dist/console at / (src/http/console.ts), so the
// base is '/' and client routes rely on the server's SPA fallback. `npm run dev` users can run
// `vite --config src/console/vite.config.ts` next to `npm start`; /api is proxied to it.
export default defineConfig(({ command }) => {
  // A build is always the shipped console, React's production code and JSX included, even when it
  // runs under NODE_ENV=test (the browser suite builds a missing console from inside Vitest). Vite
  // reads NODE_ENV after loading this file, which is where its docs say to set it.
  if (command === 'build') process.env.NODE_ENV = 'production';
  return {
    root: fileURLToPath(new URL('.', import.meta.url)),
    base: '/',
    plugins: [react()],
    build: {
      outDir: fileURLToPath(new URL('../../dist/console', import.meta.url)),
      emptyOutDir: true,
      sourcemap: false,
      reportCompressedSize: false,
    },
    server: { proxy: { '/api': 'http://127.0.0.1:8080' } },
  };
});
