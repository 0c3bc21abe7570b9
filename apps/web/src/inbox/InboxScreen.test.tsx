// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { navigate } from "../app/router.js";
import InboxScreen, { POLL_MS } from "./InboxScreen.js";

function item(n: number, subject: string, lastAt: string, extra: Record<string, unknown> = {}) {
  const id = `00000000-0000-4000-8000-00000000000${n}`;
  return {
    case: {
      id,
      number: n,
      subject,
      status: "open",
      priority: "normal",
      customerId: id,
      teamId: null,
      assigneeId: null,
      tags: [],
      firstResponseDueAt: null,
      firstRespondedAt: null,
      resolutionDueAt: null,
      resolvedAt: null,
      slaPaused: false,
      slaPausedSeconds: 0,
      createdAt: "2026-11-02T09:00:00.000Z",
      updatedAt: "2026-11-02T09:00:00.000Z",
    },
    customerName: `Customer ${n}`,
    attention: { score: 10 * n, reasons: [{ kind: "anger", text: "angry customer (60/100)", points: 36 }] },
    anger: { value: 60, label: "angry", trend: "rising", peak: 60 },
    threats: n === 1 ? ["legal"] : [],
    abusive: false,
    overduePromises: 0,
    openPromises: 0,
    sla: { kind: null, dueAt: null, breached: false, paused: false },
    lastMessage: { direction: "inbound", at: lastAt, snippet: `message ${n}` },
    messageCount: 1,
    ...extra,
  };
}

let inboxItems: unknown[];
const requests: string[] = [];

beforeEach(() => {
  inboxItems = [
    item(1, "Charged twice", "2026-11-02T09:00:00.000Z"),
    item(2, "Late parcel", "2026-11-02T09:00:00.000Z"),
  ];
  requests.length = 0;
  vi.stubGlobal(
    "fetch",
    vi.fn(async (url: string) => {
      requests.push(String(url));
      if (String(url).startsWith("/api/v1/inbox")) {
        return Response.json({ items: inboxItems, total: inboxItems.length, truncated: false });
      }
      if (String(url).startsWith("/api/v1/agents")) return Response.json({ agents: [] });
      return Response.json({ teams: [] });
    }),
  );
  act(() => navigate("/"));
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

const settle = () => act(async () => {});

describe("inbox", () => {
  it("lists cases with anger and threats, and opens one from the keyboard", async () => {
    render(<InboxScreen />);
    await settle();
    expect(screen.getByText("Charged twice")).toBeTruthy();
    expect(screen.getByText("threat: legal")).toBeTruthy();
    expect(screen.getAllByText(/angry 60/)).toHaveLength(2);
    fireEvent.keyDown(document.body, { key: "j" });
    expect(document.activeElement?.getAttribute("aria-label")).toBe("Case 2: Late parcel");
    fireEvent.keyDown(document.body, { key: "Enter" });
    expect(window.location.pathname).toBe(`/cases/${(inboxItems[1] as ReturnType<typeof item>).case.id}`);
  });

  it("sends the filters in the URL to the API, and / jumps to search", async () => {
    act(() => navigate("/?anger=furious&threat=any&q=refund"));
    render(<InboxScreen />);
    await settle();
    const last = requests.filter((r) => r.startsWith("/api/v1/inbox")).at(-1) ?? "";
    expect(last).toContain("anger=furious");
    expect(last).toContain("threat=any");
    expect(last).toContain("q=refund");
    fireEvent.keyDown(document.body, { key: "/" });
    expect(document.activeElement).toBe(screen.getByLabelText("Search"));
  });

  it("polls and marks cases with a new customer message", async () => {
    vi.useFakeTimers({ toFake: ["setInterval", "clearInterval"] });
    render(<InboxScreen />);
    await settle();
    expect(screen.queryByText("new message")).toBeNull();
    inboxItems = [
      item(1, "Charged twice", "2026-11-02T10:00:00.000Z"),
      item(2, "Late parcel", "2026-11-02T09:00:00.000Z"),
    ];
    await act(async () => {
      vi.advanceTimersByTime(POLL_MS);
    });
    await settle();
    expect(screen.getAllByText("new message")).toHaveLength(1);
    expect(screen.getByText(/1 with new messages/)).toBeTruthy();
  });
});
