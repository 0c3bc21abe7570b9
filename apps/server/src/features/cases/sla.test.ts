import { describe, expect, it } from "vitest";
import {
  DEFAULT_SLA_TARGETS,
  dueTimes,
  dueTimesAfterPriorityChange,
  parseSlaTargets,
  shiftedDueTimes,
} from "./sla.js";

const at = (iso: string) => new Date(iso);

describe("SLA targets", () => {
  it("gives due times from the priority's targets", () => {
    expect(dueTimes("normal", at("2026-11-02T09:00:00Z"))).toEqual({
      firstResponseDueAt: at("2026-11-02T17:00:00Z"),
      resolutionDueAt: at("2026-11-05T09:00:00Z"),
    });
  });

  it("tightens due times when the priority rises, never loosens them", () => {
    const kase = {
      created_at: at("2026-11-02T09:00:00Z"),
      sla_paused_seconds: 0,
      first_response_due_at: at("2026-11-02T17:00:00Z"),
      resolution_due_at: at("2026-11-05T09:00:00Z"),
    };
    expect(dueTimesAfterPriorityChange(kase, "urgent").firstResponseDueAt).toEqual(
      at("2026-11-02T10:00:00Z"),
    );
    expect(dueTimesAfterPriorityChange(kase, "low").resolutionDueAt).toEqual(at("2026-11-05T09:00:00Z"));
  });

  it("moves due times by the pause, except a first response already given", () => {
    const shifted = shiftedDueTimes(
      {
        first_response_due_at: at("2026-11-02T10:00:00Z"),
        first_responded_at: at("2026-11-02T09:30:00Z"),
        resolution_due_at: at("2026-11-02T17:00:00Z"),
      },
      at("2026-11-02T11:00:00Z"),
      at("2026-11-02T13:00:00Z"),
    );
    expect(shifted).toEqual({
      firstResponseDueAt: at("2026-11-02T10:00:00Z"),
      resolutionDueAt: at("2026-11-02T19:00:00Z"),
    });
  });

  it("reads targets from a setting and reports unreadable ones", () => {
    const parsed = parseSlaTargets("urgent=0.5/4, low = 48/240");
    expect(parsed.ok && parsed.value.urgent).toEqual({ firstResponseHours: 0.5, resolutionHours: 4 });
    expect(parsed.ok && parsed.value.normal).toEqual(DEFAULT_SLA_TARGETS.normal);
    expect(parseSlaTargets(undefined)).toEqual({ ok: true, value: DEFAULT_SLA_TARGETS });
    expect(parseSlaTargets("urgent=fast").ok).toBe(false);
    expect(parseSlaTargets("high=8/4").ok).toBe(false);
  });
});
