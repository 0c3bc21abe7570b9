/** @module The signed-in agent for the whole app: loaded from /auth/me, cleared on sign-out or on any 401. */
import type { Agent } from "@keel/contracts";
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from "react";
import { CSRF_COOKIE, onUnauthenticated, readCookie } from "../api/client.js";
import * as endpoints from "../api/endpoints.js";

export type SessionState =
  | { status: "loading" }
  | { status: "signed-out"; reason?: string }
  | { status: "signed-in"; agent: Agent };

interface SessionApi {
  state: SessionState;
  signIn: (email: string, password: string) => Promise<string | null>;
  signOut: () => Promise<void>;
}

const SessionContext = createContext<SessionApi | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: "loading" });

  useEffect(() => {
    let live = true;
    // Sign-in sets a readable CSRF cookie next to the session; without it there is no session to ask about, and
    // asking would only log a 401 in the console.
    if (readCookie(CSRF_COOKIE)) {
      void endpoints.me().then((result) => {
        if (!live) return;
        setState(result.ok ? { status: "signed-in", agent: result.data.agent } : { status: "signed-out" });
      });
    } else {
      setState({ status: "signed-out" });
    }
    const stop = onUnauthenticated(() =>
      setState((s) =>
        s.status === "signed-in" ? { status: "signed-out", reason: "Your session ended; sign in again." } : s,
      ),
    );
    return () => {
      live = false;
      stop();
    };
  }, []);

  const signIn = useCallback(async (email: string, password: string) => {
    const result = await endpoints.login(email, password);
    if (!result.ok) return result.error.message;
    setState({ status: "signed-in", agent: result.data.agent });
    return null;
  }, []);

  const signOut = useCallback(async () => {
    await endpoints.logout();
    setState({ status: "signed-out" });
  }, []);

  const value = useMemo(() => ({ state, signIn, signOut }), [state, signIn, signOut]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionApi {
  const session = useContext(SessionContext);
  if (!session) throw new Error("useSession needs a <SessionProvider> above it");
  return session;
}

/** The signed-in agent; only for screens rendered behind the sign-in gate. */
export function useAgent(): Agent {
  const { state } = useSession();
  if (state.status !== "signed-in") throw new Error("useAgent is for signed-in screens");
  return state.agent;
}
