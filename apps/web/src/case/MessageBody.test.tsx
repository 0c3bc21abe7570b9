// @vitest-environment happy-dom
import { analyzeCustomer } from "@keel/coach";
import { cleanup, render } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { mask } from "./analysis.js";
import { MessageBody } from "./MessageBody.js";

afterEach(cleanup);

const TEXT = "You useless idiots, this is shit. Refund me by Friday or I'm taking legal action.";

describe("message body", () => {
  it("highlights threats and abuse in the customer's words", () => {
    const reading = analyzeCustomer(TEXT);
    const { container } = render(<MessageBody text={TEXT} reading={reading} maskProfanity={false} />);
    const threat = container.querySelector("mark.hl-threat");
    expect(threat?.textContent).toMatch(/legal action/);
    expect(container.querySelector("mark.hl-abuse")).not.toBeNull();
    expect(container.textContent).toContain("shit");
  });

  it("masks profanity when the agent chooses, keeping the text's length", () => {
    const reading = analyzeCustomer(TEXT);
    const { container } = render(<MessageBody text={TEXT} reading={reading} maskProfanity />);
    expect(container.textContent).not.toContain("shit");
    expect(container.textContent).toContain("s***");
    expect(mask("idiots")).toBe("i*****");
  });

  it("shows our own messages as plain text", () => {
    const { container } = render(<MessageBody text="Thanks!" reading={null} maskProfanity />);
    expect(container.textContent).toBe("Thanks!");
  });
});
