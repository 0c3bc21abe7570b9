/**
 * @module The agent's choice to mask profanity in customer messages. Kept on the server (`/agents/me/preferences`,
 * which also masks message bodies it sends this agent), applied in the page at once while the change is saved.
 */
import { useCallback, useEffect, useState } from "react";
import { api } from "../api/client.js";

interface Preferences {
  maskProfanity: boolean;
}

export function useMaskPreference(onSaved?: () => void): [boolean, (mask: boolean) => void, string | null] {
  const [mask, setMask] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    void api<Preferences>("GET", "/agents/me/preferences").then((result) => {
      if (live && result.ok) setMask(result.data.maskProfanity);
    });
    return () => {
      live = false;
    };
  }, []);

  const update = useCallback(
    (next: boolean) => {
      setMask(next);
      setError(null);
      void api<Preferences>("PATCH", "/agents/me/preferences", { body: { maskProfanity: next } }).then(
        (result) => {
          if (result.ok) onSaved?.();
          else setError(`Could not save the choice: ${result.error.message}`);
        },
      );
    },
    [onSaved],
  );
  return [mask, update, error];
}
