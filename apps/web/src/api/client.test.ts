/** @module The API client's results for a request cancelled or cut off at any point, never a thrown error. */

import { afterEach, describe, expect, it, vi } from "vitest";
import { api } from "./client.js";

const aborted = () => new DOMException("signal is aborted without reason", "AbortError");

describe("api", () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it("answers aborted when the request is cancelled before the answer", async () => {
    vi.stubGlobal("fetch", () => Promise.reject(aborted()));
    const result = await api("GET", "/inbox", { signal: new AbortController().signal });
    expect(result).toMatchObject({ ok: false, error: { status: 0, code: "aborted" } });
  });

  it("answers aborted when the request is cancelled while its body is read", async () => {
    // The headers came, then the page left: reading the body rejects, which used to escape as an uncaught error.
    const response = { ok: true, status: 200, text: () => Promise.reject(aborted()) } as unknown as Response;
    vi.stubGlobal("fetch", () => Promise.resolve(response));
    const result = await api("GET", "/inbox", { signal: new AbortController().signal });
    expect(result).toMatchObject({ ok: false, error: { status: 0, code: "aborted" } });
  });

  it("answers network when the connection drops while the body is read", async () => {
    const response = { ok: true, status: 200, text: () => Promise.reject(new TypeError("terminated")) };
    vi.stubGlobal("fetch", () => Promise.resolve(response as unknown as Response));
    const result = await api("GET", "/cases");
    expect(result).toMatchObject({ ok: false, error: { status: 0, code: "network" } });
  });
});
