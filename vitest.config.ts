// One test run for the whole monorepo; workspace packages resolve to their TypeScript sources.
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const src = (p: string) => fileURLToPath(new URL(p, import.meta.url));

export default defineConfig({
  resolve: {
    alias: {
      "@keel/coach": src("./packages/coach/src/index.ts"),
      "@keel/contracts": src("./packages/contracts/src/index.ts"),
      "@keel/db/testing": src("./packages/db/src/testing.ts"),
      "@keel/db": src("./packages/db/src/index.ts"),
    },
  },
  test: {
    include: [
      "packages/*/src/**/*.test.ts",
      "apps/*/src/**/*.test.{ts,tsx}",
      "training/src/**/*.test.ts",
      "benchmarks/src/**/*.test.ts",
    ],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // One embedded PostgreSQL per run, started only if a database test asks for it.
    globalSetup: ["packages/db/src/testing-global-setup.ts"],
  },
});
