// @vitest-environment happy-dom
import { cleanup, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { parseBlocks, SafeMarkdown } from "./SafeMarkdown.js";

afterEach(cleanup);

describe("SafeMarkdown", () => {
  it("renders headings, lists, emphasis and escapes as elements", () => {
    const { container } = render(
      <SafeMarkdown
        markdown={
          "## Handoff: case \\#12\n\n**Customer:** Ada  \n_Brief made today_\n\n### Wants\n- a refund\n- an apology\n"
        }
      />,
    );
    expect(screen.getByRole("heading", { level: 3 }).textContent).toBe("Handoff: case #12");
    expect(screen.getByRole("heading", { level: 4 }).textContent).toBe("Wants");
    expect(container.querySelector("strong")?.textContent).toBe("Customer:");
    expect(container.querySelector("em")?.textContent).toBe("Brief made today");
    expect(screen.getAllByRole("listitem").map((li) => li.textContent)).toEqual(["a refund", "an apology"]);
  });

  it("keeps customer text as text, never markup", () => {
    const { container } = render(<SafeMarkdown markdown={'- <img src=x onerror="alert(1)"> \\<script\\>'} />);
    expect(container.querySelector("img")).toBeNull();
    expect(container.querySelector("script")).toBeNull();
    expect(screen.getByRole("listitem").textContent).toBe('<img src=x onerror="alert(1)"> <script>');
  });

  it("groups lines into paragraphs split by blank lines", () => {
    expect(parseBlocks("one\ntwo\n\nthree").map((b) => b.kind)).toEqual(["paragraph", "paragraph"]);
  });
});
