// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { SessionProvider } from "../auth/session.js";
import { App } from "./App.js";
import { navigate } from "./router.js";

const PRIYA = {
  id: "00000000-0000-4000-8000-0000000000aa",
  email: "priya@keel.demo",
  name: "Priya Nair",
  role: "agent",
  teamId: null,
  skills: [],
  capacity: 10,
  active: true,
  createdAt: "2026-11-01T00:00:00.000Z",
};
const logins: unknown[] = [];

beforeEach(() => {
  logins.length = 0;
  vi.stubGlobal(
    "fetch",
    vi.fn(async (url: string, init?: RequestInit) => {
      const path = String(url);
      if (path === "/api/v1/auth/demo-accounts") {
        return Response.json({
          accounts: [
            { role: "agent", name: "Priya Nair", email: "priya@keel.demo", password: "keel-demo-agent" },
          ],
        });
      }
      if (path === "/api/v1/auth/login") {
        const body = JSON.parse(String(init?.body)) as { password: string };
        logins.push(body);
        if (body.password !== "keel-demo-agent") {
          return Response.json(
            { error: { code: "unauthenticated", message: "Wrong email or password." } },
            { status: 401 },
          );
        }
        return Response.json({ agent: PRIYA, csrfToken: "t", expiresAt: "2026-11-03T00:00:00.000Z" });
      }
      if (path.startsWith("/api/v1/inbox")) return Response.json({ items: [], total: 0, truncated: false });
      if (path.startsWith("/api/v1/agents")) return Response.json({ agents: [] });
      if (path.startsWith("/api/v1/teams")) return Response.json({ teams: [] });
      return Response.json({ error: { code: "not_found", message: "nope" } }, { status: 404 });
    }),
  );
  act(() => navigate("/"));
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const settle = () => act(async () => {});

describe("sign-in", () => {
  it("offers the demo accounts, signs in with one, and opens the inbox", async () => {
    render(
      <SessionProvider>
        <App />
      </SessionProvider>,
    );
    await settle();
    expect(screen.getByRole("heading", { name: "Sign in to Keel" })).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Use Priya" }));
    expect((screen.getByLabelText("Email") as HTMLInputElement).value).toBe("priya@keel.demo");
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Sign in" }));
    });
    await settle();
    expect(logins).toHaveLength(1);
    expect(screen.getByText("Priya Nair")).toBeTruthy();
    expect(await screen.findByRole("heading", { name: "Inbox" })).toBeTruthy();
  });

  it("says what went wrong on a bad password", async () => {
    render(
      <SessionProvider>
        <App />
      </SessionProvider>,
    );
    await settle();
    fireEvent.change(screen.getByLabelText("Email"), { target: { value: "priya@keel.demo" } });
    fireEvent.change(screen.getByLabelText("Password"), { target: { value: "wrong" } });
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Sign in" }));
    });
    expect(screen.getByRole("alert").textContent).toBe("Wrong email or password.");
  });
});
