/** @module Loads `@keel/coach` lazily, so a coach that fails to build or import fails its sections, not the run. */
type Coach = typeof import("@keel/coach");

export type CoachLoad = { ok: true; coach: Coach } | { ok: false; error: string };

let loading: Promise<CoachLoad> | undefined;

export function loadCoach(): Promise<CoachLoad> {
  loading ??= import("@keel/coach").then(
    (coach): CoachLoad => ({ ok: true, coach }),
    (error: unknown): CoachLoad => ({
      ok: false,
      error: error instanceof Error ? error.message : String(error),
    }),
  );
  return loading;
}
