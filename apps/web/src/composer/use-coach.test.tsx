// @vitest-environment happy-dom
import { act, cleanup, render } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { type CoachInput, DEFER_ABOVE_MS, useCoach } from "./use-coach.js";

const INPUT: CoachInput = {
  customerMessage: "My order never arrived and nobody answers. I want a refund by Friday.",
  thread: [],
};

interface Seen {
  draft: string;
  text: string;
  flagged: boolean;
}

function Harness({ draft, seen }: { draft: string; seen: Seen[] }) {
  const { text, coaching } = useCoach(draft, INPUT);
  seen.push({ draft, text, flagged: coaching?.labels.non_apology?.value === true });
  return null;
}

/** Every coach run takes `ms` as the hook measures it: the clock moves `ms` between any two readings. */
function coachRunsTake(ms: number) {
  let now = 0;
  vi.spyOn(performance, "now").mockImplementation(() => {
    now += ms;
    return now;
  });
}

async function typeDrafts(drafts: readonly string[], seen: Seen[]) {
  const view = render(<Harness draft="" seen={seen} />);
  for (const draft of drafts) {
    await act(async () => {
      view.rerender(<Harness draft={draft} seen={seen} />);
    });
  }
}

const DRAFTS = [
  "We",
  "We apologize",
  "We apologize for any",
  "We apologize for any inconvenience",
  "We apologize for any inconvenience this",
  "We apologize for any inconvenience this may",
  "We apologize for any inconvenience this may have caused.",
];

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe("useCoach", () => {
  it("coaches each keystroke in that keystroke's own render while the coach is fast", async () => {
    coachRunsTake(1);
    const seen: Seen[] = [];
    await typeDrafts(DRAFTS, seen);
    expect(seen.filter((s) => s.text !== s.draft)).toEqual([]);
    expect(seen.at(-1)?.flagged).toBe(true);
  });

  it("defers the coach once it turns slow, and still catches up with the last keystroke", async () => {
    coachRunsTake(DEFER_ABOVE_MS * 4);
    const seen: Seen[] = [];
    await typeDrafts(DRAFTS, seen);
    const last = DRAFTS.at(-1) ?? "";
    const forLast = seen.filter((s) => s.draft === last);
    // The keystroke renders first with the coaching of the text before it, then the coaching catches up.
    expect(forLast[0]?.text).not.toBe(last);
    expect(forLast.at(-1)?.text).toBe(last);
    expect(forLast.at(-1)?.flagged).toBe(true);
  });
});
