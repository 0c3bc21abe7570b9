/** @module The pure routing choice: how skills, capacity, load and cooldown rank the agents. */
import { describe, expect, it } from "vitest";
import { loadPointsOf } from "./hostility.js";
import { decayed } from "./load.js";
import { type Candidate, chooseAgent } from "./routing.js";

let ids = 0;
function agent(
  name: string,
  open: number,
  load: number,
  extra: { skills?: string[]; capacity?: number; coolingDown?: boolean } = {},
): Candidate {
  ids++;
  return {
    agent: {
      id: `00000000-0000-4000-8000-${String(ids).padStart(12, "0")}`,
      name,
      skills: extra.skills ?? [],
      capacity: extra.capacity ?? 8,
    },
    open,
    load,
    coolingDown: extra.coolingDown ?? false,
  };
}

const hostile = { tags: [], hostile: true, hostileWhy: "anger 80, abusive" };
const calm = { tags: [], hostile: false, hostileWhy: "" };

describe("load points", () => {
  it("weighs anger, abuse and threats; calm messages weigh nothing", () => {
    expect(loadPointsOf({ anger: 10, level: 0, abusive: false, threats: [] }).points).toBe(0);
    expect(loadPointsOf({ anger: 48, level: 2, abusive: false, threats: [] })).toEqual({
      points: 4.8,
      reason: "anger 48",
    });
    expect(
      loadPointsOf({ anger: 95, level: 3, abusive: true, threats: ["legal", "churn", "regulator"] }),
    ).toEqual({
      points: 9.5 + 15 + 10,
      reason: "anger 95 · abusive · threat: legal, churn",
    });
    expect(loadPointsOf(null).points).toBe(0);
  });

  it("halves every half-life and ignores events from the future", () => {
    const h = 4 * 3_600_000;
    expect(decayed(20, 0, h)).toBe(20);
    expect(decayed(20, h, h)).toBeCloseTo(10);
    expect(decayed(20, 3 * h, h)).toBeCloseTo(2.5);
    expect(decayed(20, -1, h)).toBe(0);
  });
});

describe("chooseAgent", () => {
  it("sends a hostile case to the least-loaded agent who is not cooling down, and says why", () => {
    const priya = agent("Priya", 2, 12, { skills: ["billing"] });
    const omar = agent("Omar", 1, 30, { skills: ["billing"] });
    const lena = agent("Lena", 0, 2, { skills: ["billing"], coolingDown: true });
    const choice = chooseAgent([priya, omar, lena], { ...hostile, tags: ["billing"] });
    expect(choice.chosen?.agent.name).toBe("Priya");
    expect(choice.explanation).toBe(
      "hostile case (anger 80, abusive): assigned to Priya: skills billing, 2/8 open, load 12 (lowest), not cooling down",
    );
    expect(choice.candidates.find((c) => c.name === "Lena")).toMatchObject({
      eligible: false,
      why: expect.stringMatching(/cooling down/),
    });
  });

  it("balances calm cases by open count, and an agent cooling down may take them", () => {
    const priya = agent("Priya", 3, 0);
    const lena = agent("Lena", 1, 40, { coolingDown: true });
    const choice = chooseAgent([priya, lena], calm);
    expect(choice.chosen?.agent.name).toBe("Lena");
    expect(choice.explanation).toMatch(/calm case: assigned to Lena: no skills needed, 1\/8 open \(fewest\)/);
  });

  it("narrows to agents with a matching skill only when one of them has room", () => {
    const billing = agent("Bea", 5, 0, { skills: ["billing"], capacity: 5 });
    const other = agent("Olu", 0, 0, { skills: ["shipping"] });
    expect(chooseAgent([billing, other], { ...calm, tags: ["billing"] }).chosen?.agent.name).toBe("Olu");
    const roomy = agent("Bea", 4, 0, { skills: ["billing"], capacity: 5 });
    const choice = chooseAgent([roomy, other], { ...calm, tags: ["billing"] });
    expect(choice.chosen?.agent.name).toBe("Bea");
    expect(choice.candidates.find((c) => c.name === "Olu")?.why).toBe("no skill for billing");
  });

  it("leaves the case unassigned when everyone is full or cooling down", () => {
    const full = agent("Fay", 8, 0);
    const cooling = agent("Cal", 0, 0, { coolingDown: true });
    const choice = chooseAgent([full, cooling], hostile);
    expect(choice.chosen).toBeNull();
    expect(choice.explanation).toMatch(
      /left unassigned — every agent with room is cooling down or at capacity/,
    );
    expect(chooseAgent([], calm).explanation).toMatch(/no active agents/);
  });
});
