import { describe, expect, it } from "vitest";
import { parseMachineCpu, parseSchedstat } from "./process-cpu.js";

describe("parseMachineCpu", () => {
  it("counts idle and I/O wait as idle, the rest up to steal as busy, in milliseconds", () => {
    // user nice system idle iowait irq softirq steal guest guest_nice
    expect(parseMachineCpu("cpu  100 5 20 300 10 1 2 3 40 0")).toEqual({ idle: 3100, busy: 1310 });
  });

  it("refuses a per-core line or text that is not the summary line", () => {
    expect(parseMachineCpu("cpu0 1 2 3 4 5 6 7 8")).toBeNull();
    expect(parseMachineCpu("intr 12345")).toBeNull();
    expect(parseMachineCpu("cpu  a b c d e")).toBeNull();
  });
});

describe("parseSchedstat", () => {
  it("reads nanoseconds on a core and waiting for one as milliseconds", () => {
    expect(parseSchedstat("2500000000 750000000 1234\n")).toEqual({ onCpu: 2500, waiting: 750 });
  });

  it("refuses other text", () => {
    expect(parseSchedstat("")).toBeNull();
    expect(parseSchedstat("12 x 3")).toBeNull();
  });
});
