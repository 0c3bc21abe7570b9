// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { Link, matchPath, navigate, searchParams, useLocation } from "./router.js";

afterEach(cleanup);

function Where() {
  return <output>{useLocation()}</output>;
}

describe("router", () => {
  it("matches patterns and decodes params", () => {
    expect(matchPath("/cases/:id", "/cases/a%20b?x=1")).toEqual({ id: "a b" });
    expect(matchPath("/cases/:id", "/cases")).toBeNull();
    expect(matchPath("/", "/")).toEqual({});
    expect(searchParams("/?q=late&status=open").get("q")).toBe("late");
  });

  it("navigates on a link click without reloading and re-renders the location", () => {
    act(() => navigate("/"));
    render(
      <>
        <Link href="/cases/42">open</Link>
        <Where />
      </>,
    );
    expect(screen.getByRole("status").textContent).toBe("/");
    fireEvent.click(screen.getByText("open"));
    expect(screen.getByRole("status").textContent).toBe("/cases/42");
    act(() => navigate("/?q=x", { replace: true }));
    expect(screen.getByRole("status").textContent).toBe("/?q=x");
  });
});
