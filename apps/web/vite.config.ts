/** @module Vite build of the web app: bundles @keel/coach and @keel/contracts from source, weights fetched after first paint. */
import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

const fromRoot = (p: string) => fileURLToPath(new URL(`../../${p}`, import.meta.url));

export default defineConfig({
  plugins: [react()],
  resolve: {
    alias: [
      { find: "@keel/coach", replacement: fromRoot("packages/coach/src/index.ts") },
      { find: "@keel/contracts", replacement: fromRoot("packages/contracts/src/index.ts") },
      // The coach's bundled weights (2.8 MB of JSON) stay out of the initial bundle: the lite stand-in is empty and
      // src/composer/load-weights.ts registers the files once they have been fetched.
      {
        find: /^\.\/bundled-weights\.js$/,
        replacement: fromRoot("packages/coach/src/models/bundled-weights.lite.ts"),
      },
    ],
  },
  build: { outDir: "dist", emptyOutDir: true, sourcemap: true, chunkSizeWarningLimit: 1024 },
  server: {
    // `npm run dev -w apps/web` next to a running `npm start`: the API stays on the server's port.
    proxy: { "/api": `http://127.0.0.1:${process.env.KEEL_PORT ?? "3000"}` },
  },
});
