/** @module Tests for reading `/usr/bin/time -v` reports. */
import { describe, expect, it } from "vitest";
import { parseClock, parseGnuTime } from "./gnu-time.js";

const SAMPLE = `analysed 10 rows
\tCommand being timed: "node apps/cli/bin/keel.js analyze x.jsonl"
\tUser time (seconds): 80.12
\tSystem time (seconds): 3.40
\tPercent of CPU this job got: 187%
\tElapsed (wall clock) time (h:mm:ss or m:ss): 1:14.52
\tMaximum resident set size (kbytes): 214332
\tExit status: 0
`;

describe("parseGnuTime", () => {
  it("reads wall time, CPU and peak RSS and keeps the child's own stderr apart", () => {
    const { childStderr, report } = parseGnuTime(SAMPLE);
    expect(childStderr).toBe("analysed 10 rows\n");
    expect(report).toEqual({
      wallSeconds: 74.52,
      userSeconds: 80.12,
      systemSeconds: 3.4,
      maxRssKb: 214332,
      cpuPercent: 187,
    });
  });

  it("drops time's note on a failed child", () => {
    const failed = SAMPLE.replace(
      "\tCommand being",
      "Command exited with non-zero status 1\n\tCommand being",
    );
    expect(parseGnuTime(failed).childStderr).toBe("analysed 10 rows\n");
  });

  it("returns no report when time printed none", () => {
    expect(parseGnuTime("boom\n").report).toBeNull();
  });
});

describe("parseClock", () => {
  it("reads h:mm:ss, m:ss.ss and plain seconds", () => {
    expect(parseClock("1:02:03")).toBe(3723);
    expect(parseClock("2:03.5")).toBe(123.5);
    expect(parseClock("7.25")).toBe(7.25);
    expect(parseClock("x:1")).toBeNaN();
  });
});
