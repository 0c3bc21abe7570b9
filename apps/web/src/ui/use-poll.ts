/** @module Re-runs a loader every few seconds while the tab is visible, and once more when it becomes visible again. */
import { useEffect, useRef } from "react";

export function usePoll(load: () => void, everyMs: number, enabled = true): void {
  const latest = useRef(load);
  latest.current = load;
  useEffect(() => {
    if (!enabled) return;
    const tick = () => {
      if (document.visibilityState === "visible") latest.current();
    };
    const timer = window.setInterval(tick, everyMs);
    document.addEventListener("visibilitychange", tick);
    return () => {
      window.clearInterval(timer);
      document.removeEventListener("visibilitychange", tick);
    };
  }, [everyMs, enabled]);
}
