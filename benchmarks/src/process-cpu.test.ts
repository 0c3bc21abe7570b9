import { spawn } from "node:child_process";
import { describe, expect, it } from "vitest";
import { parseMachineCpu, parseSchedstat, treeCpuMs } from "./process-cpu.js";

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

describe("treeCpuMs", () => {
  it("keeps the CPU of descendants that exited (PostgreSQL's backends come and go during a run)", async () => {
    // A shell runs a child that burns ~300 ms of CPU and exits; the shell reaps it, then sleeps.
    const burn = "const s=process.cpuUsage();while(process.cpuUsage(s).user<300000){}";
    const shell = spawn("sh", ["-c", `"${process.execPath}" -e "${burn}"; echo done; sleep 5`], {
      stdio: ["ignore", "pipe", "ignore"],
    });
    try {
      await new Promise<void>((resolve) => shell.stdout.once("data", () => resolve()));
      expect(treeCpuMs(shell.pid ?? 0)).toBeGreaterThanOrEqual(250);
    } finally {
      shell.kill("SIGKILL");
    }
  });
});
