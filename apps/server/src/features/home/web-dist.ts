/** @module Where the built web app lives (`apps/web/dist`), found from this file whether run from source or from dist. */
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** The first ancestor holding `apps/web/package.json`, joined with `apps/web/dist`; null outside the repository. */
export function findWebDist(from: string = dirname(fileURLToPath(import.meta.url))): string | null {
  let dir = from;
  for (;;) {
    if (existsSync(join(dir, "apps", "web", "package.json"))) return join(dir, "apps", "web", "dist");
    const parent = dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}

/** True when the folder holds a built app (its index.html). */
export const isBuilt = (dist: string | null): dist is string =>
  dist !== null && existsSync(join(dist, "index.html"));
