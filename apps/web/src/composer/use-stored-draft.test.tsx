// @vitest-environment happy-dom
import { act, cleanup, render } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { readStoredDraft, SAVE_AFTER_MS, useStoredDraft } from "./use-stored-draft.js";

const CASE = "00000000-0000-4000-8000-000000000002";

function Harness({ draft }: { draft: string }) {
  useStoredDraft(CASE, draft);
  return null;
}

beforeEach(() => {
  localStorage.clear();
  vi.useFakeTimers();
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe("useStoredDraft", () => {
  it("saves the draft once typing pauses, not on every keystroke", () => {
    const setItem = vi.spyOn(Storage.prototype, "setItem");
    const view = render(<Harness draft="W" />);
    for (const draft of ["We", "We a", "We are", "We are on it"]) {
      view.rerender(<Harness draft={draft} />);
      act(() => vi.advanceTimersByTime(SAVE_AFTER_MS / 4));
    }
    expect(setItem).not.toHaveBeenCalled();
    act(() => vi.advanceTimersByTime(SAVE_AFTER_MS));
    expect(setItem).toHaveBeenCalledTimes(1);
    expect(readStoredDraft(CASE)).toBe("We are on it");
    setItem.mockRestore();
  });

  it("saves at once when the composer goes away or the page is hidden", () => {
    const view = render(<Harness draft="We are" />);
    view.rerender(<Harness draft="We are on it" />);
    window.dispatchEvent(new Event("pagehide"));
    expect(readStoredDraft(CASE)).toBe("We are on it");
    view.rerender(<Harness draft="We are on it, by noon." />);
    view.unmount();
    expect(readStoredDraft(CASE)).toBe("We are on it, by noon.");
  });

  it("forgets the draft once it is empty (sent)", () => {
    localStorage.setItem(`keel:draft:${CASE}`, "old");
    const view = render(<Harness draft="old" />);
    view.rerender(<Harness draft="" />);
    act(() => vi.advanceTimersByTime(SAVE_AFTER_MS));
    expect(readStoredDraft(CASE)).toBe("");
    expect(localStorage.getItem(`keel:draft:${CASE}`)).toBeNull();
  });
});
