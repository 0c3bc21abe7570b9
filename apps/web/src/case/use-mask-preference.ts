/** @module The agent's choice to mask profanity in customer messages, kept in this browser. */
import { useCallback, useState } from "react";

const KEY = "keel:mask-profanity";

export function useMaskPreference(): [boolean, (mask: boolean) => void] {
  const [mask, setMask] = useState(() => {
    try {
      return globalThis.localStorage?.getItem(KEY) === "true";
    } catch {
      return false;
    }
  });
  const update = useCallback((next: boolean) => {
    setMask(next);
    try {
      globalThis.localStorage?.setItem(KEY, String(next));
    } catch {
      // Storage refused (private window): the choice lasts for this page only.
    }
  }, []);
  return [mask, update];
}
