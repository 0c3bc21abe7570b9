/** @module Tests for when the progress bar is shown. */
import { describe, expect, it } from "vitest";
import { capture } from "../test-support/capture.js";
import { startProgress, wantsProgressBar } from "./progress.js";

const BIG = 50 << 20;

describe("progress bar", () => {
  it("shows only on a terminal, outside CI, for long inputs", () => {
    expect(wantsProgressBar({ stderr: { isTTY: true } as never, env: {}, totalBytes: BIG })).toBe(true);
    expect(wantsProgressBar({ stderr: { isTTY: false } as never, env: {}, totalBytes: BIG })).toBe(false);
    expect(wantsProgressBar({ stderr: { isTTY: true } as never, env: { CI: "true" }, totalBytes: BIG })).toBe(
      false,
    );
    expect(wantsProgressBar({ stderr: { isTTY: true } as never, env: {}, totalBytes: 1000 })).toBe(false);
  });

  it("without a bar, messages go straight to stderr", () => {
    const stderr = capture({ isTTY: false });
    const progress = startProgress({ stderr, env: {}, totalBytes: BIG, bytesRead: () => 0 });
    progress.log("line 3: bad");
    progress.rowsDone(10);
    progress.stop();
    expect(stderr.text()).toBe("line 3: bad\n");
  });
});
