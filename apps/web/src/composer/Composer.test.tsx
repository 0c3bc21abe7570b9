// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { Composer } from "./Composer.js";

const CUSTOMER =
  "This is the THIRD time I'm writing!!! Order #A-20931 never arrived and your chat keeps closing on me. " +
  "If I don't get a refund by Friday I'm disputing the charge with my bank.";
const BAD_REPLY =
  "We apologize for any inconvenience this may have caused. As I already told you, the courier lost it, not us.";

function setup(initialDraft = "") {
  const onSent = vi.fn();
  render(
    <Composer
      caseId="00000000-0000-4000-8000-000000000001"
      customerMessage={CUSTOMER}
      thread={[{ role: "customer", text: CUSTOMER }]}
      customerAnger={46}
      customerAbusive={false}
      onSent={onSent}
      initialDraft={initialDraft}
    />,
  );
  return { onSent, box: screen.getByLabelText("Your reply") as HTMLTextAreaElement };
}

const type = async (box: HTMLTextAreaElement, text: string) => {
  await act(async () => {
    fireEvent.change(box, { target: { value: text } });
  });
};
const practiceState = (id: string) => screen.getByTestId(`practice-${id}`).getAttribute("data-state");

beforeEach(() => {
  localStorage.clear();
  // The weights download is not part of these tests: the coach runs on its rules.
  vi.stubGlobal(
    "fetch",
    vi.fn(async () => new Response("{}", { status: 404 })),
  );
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe("reply composer with the live coach", () => {
  it("flags a non-apology and blame as they are typed, underlined in the draft", async () => {
    const { box } = setup();
    expect(screen.queryByTestId("flag-blame")).toBeNull();
    await type(box, BAD_REPLY);
    expect(screen.getByTestId("flag-non_apology").textContent).toContain(
      "We apologize for any inconvenience",
    );
    expect(screen.getByTestId("flag-blame").textContent).toContain("As I already told");
    const marks = screen.getByTestId("draft-highlights").querySelectorAll("mark");
    const labels = [...marks].map((m) => m.getAttribute("data-label"));
    expect(labels).toEqual(expect.arrayContaining(["non_apology", "blame"]));
    expect(practiceState("apology")).toBe("problem");
    expect(practiceState("no_blame")).toBe("problem");
    expect(screen.getByTestId("reaction").textContent).toContain("Likely to get angrier");
  });

  it("applies one-click rewrites to the draft until the blame is gone", async () => {
    const { box } = setup();
    await type(box, BAD_REPLY);
    const firstRewrite = () => {
      const flag = screen.queryByTestId("flag-blame");
      return flag ? within(flag).queryAllByRole("button")[0] : undefined;
    };
    const first = firstRewrite();
    if (!first) throw new Error("no rewrite offered for the blame");
    await act(async () => {
      fireEvent.click(first);
    });
    expect(box.value).toContain("To recap,");
    expect(box.value).not.toContain("As I already told");
    expect(screen.getByTestId("flag-blame").textContent).not.toContain("As I already told");
    for (let i = 0; i < 3; i++) {
      const next = firstRewrite();
      if (!next) break;
      await act(async () => {
        fireEvent.click(next);
      });
    }
    expect(screen.queryByTestId("flag-blame")).toBeNull();
    expect(practiceState("no_blame")).toBe("done");
    expect(box.value).not.toContain("not us");
  });

  it("ticks practices off as the reply improves", async () => {
    const { box } = setup();
    await type(box, "Hello.");
    expect(practiceState("next_step")).toBe("missing");
    expect(practiceState("timeline")).toBe("missing");
    await type(
      box,
      "I'm so sorry your order #A-20931 never arrived — that is really frustrating, especially after writing three times. " +
        "I've opened a trace with the courier and I'll email you an update by 3 pm tomorrow. " +
        "Would you prefer a replacement or a refund?",
    );
    expect(practiceState("next_step")).toBe("done");
    expect(practiceState("timeline")).toBe("done");
    expect(practiceState("apology")).toBe("done");
    expect(practiceState("asked")).toBe("done");
    expect(screen.getByTestId("reaction").textContent).not.toContain("angrier");
  });

  it("asks before sending a reply the coach flags as an over-promise, then sends it confirmed", async () => {
    const calls: Array<Record<string, unknown>> = [];
    vi.stubGlobal(
      "fetch",
      vi.fn(async (url: string, init?: RequestInit) => {
        if (!String(url).includes("/messages")) return new Response("{}", { status: 404 });
        calls.push(JSON.parse(String(init?.body)) as Record<string, unknown>);
        return Response.json({ message: { id: "m" }, case: { id: "c" }, created: true }, { status: 201 });
      }),
    );
    const { box, onSent } = setup();
    await type(box, "Sorry about this. It will never happen again.");
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Send reply" }));
    });
    expect(calls).toEqual([]);
    expect(screen.getByRole("alertdialog").textContent).toContain("never happen again");
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Send anyway" }));
    });
    expect(calls.map((c) => c.confirmOverpromise)).toEqual([true]);
    expect(onSent).toHaveBeenCalledTimes(1);
  });

  it("handles the server refusing an over-promise (409), then resends with the confirmation", async () => {
    const calls: Array<{ body: Record<string, unknown>; headers: Record<string, string> }> = [];
    vi.stubGlobal(
      "fetch",
      vi.fn(async (url: string, init?: RequestInit) => {
        if (!String(url).includes("/messages")) return new Response("{}", { status: 404 });
        const body = JSON.parse(String(init?.body)) as Record<string, unknown>;
        calls.push({ body, headers: init?.headers as Record<string, string> });
        if (!body.confirmOverpromise) {
          return Response.json(
            {
              error: {
                code: "overpromise_unconfirmed",
                message: "The reply promises something we may not control.",
                spans: [{ start: 0, end: 10, text: "sorted for good" }],
                suggestions: ["say what you will change instead"],
              },
            },
            { status: 409 },
          );
        }
        return Response.json({ message: { id: "m" }, case: { id: "c" }, created: true }, { status: 201 });
      }),
    );
    // biome-ignore lint/suspicious/noDocumentCookie: the CSRF cookie is what the client reads.
    document.cookie = "keel_csrf=token-123";
    const { box, onSent } = setup();
    await type(box, "Thanks for your patience, I have checked your account.");
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Send reply" }));
    });
    expect(screen.getByRole("alertdialog").textContent).toContain("sorted for good");
    expect(onSent).not.toHaveBeenCalled();
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Send anyway" }));
    });
    expect(calls.map((c) => c.body.confirmOverpromise)).toEqual([undefined, true]);
    expect(calls[0]?.headers["x-csrf-token"]).toBe("token-123");
    expect(onSent).toHaveBeenCalledTimes(1);
    expect(box.value).toBe("");
  });
});
