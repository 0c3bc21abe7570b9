/**
 * @module Random threads and rule sets for the property tests and the speed check of the inbound escalation check:
 * messages stored as the server stores them (with random coach readings: anger, trend, threats, abuse, repeat
 * contact, boundary replies, odd or missing analyses), cue phrases in the bodies, case flags and earlier cases.
 */
import { COACH_VERSION, THREAT_KINDS } from "@keel/coach";
import type { EscalationConditions, EscalationRule } from "@keel/contracts";
import type { CaseWithCustomer, ThreadRow } from "./load-thread.js";

/** A seeded generator (mulberry32), so a failing case can be replayed from its seed. */
export function randomSource(seed: number) {
  let s = seed >>> 0;
  const next = (): number => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number): number => Math.floor(next() * n);
  const chance = (p: number): boolean => next() < p;
  const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)] as T;
  return { next, int, chance, pick };
}
export type Random = ReturnType<typeof randomSource>;

const PLAIN = [
  "Hi, could you tell me when my parcel will arrive? Order #A-100.",
  "I have been waiting for two weeks now and nobody has told me anything about the refund.",
  "Thanks, that is helpful. I will wait for the courier tomorrow.",
  "This is the third time I am writing about the same broken kettle.",
  "Why does nobody answer? This is ridiculous.",
];
const CUES = [
  "I want to speak to a manager now.",
  "Your manager is useless.",
  "Please escalate this.",
  "Put me through to someone senior.",
  "There is a gas leak in the flat and I smell gas.",
  "The charger caught fire and burned me.",
  "My mother passed away last month and I can't afford this.",
  "I am in hospital with cancer.",
  "I live alone and I am disabled.",
  "I feel suicidal about all this.",
];
const REPLIES = [
  "I'm sorry for the wait. I've asked the courier and will update you tomorrow by noon.",
  "I understand. I have issued a refund of £20, which should reach you within five days.",
  "Please keep the conversation respectful, or I will have to end this chat.",
];
const TRENDS = ["rising", "falling", "steady", "sideways", null, undefined] as const;

function customerAnalysis(r: Random): unknown {
  if (r.chance(0.08)) return r.pick([null, "text", 3, [], { kind: "customer" }]);
  const level = r.chance(0.05) ? r.pick([4, -1, "2", null]) : r.int(4);
  const threats = r.chance(0.25)
    ? Array.from({ length: 1 + r.int(2) }, () => ({
        kind: r.chance(0.05) ? "lawsuit" : r.pick(THREAT_KINDS),
        spans: r.chance(0.8) ? [{ text: r.pick(["my lawyer", "the bank", "Twitter", "the ombudsman"]) }] : [],
      }))
    : [];
  const result = {
    anger: r.chance(0.03) ? r.pick([Number.NaN, "50", null, 140, -5]) : Math.round(r.next() * 1000) / 10,
    anger_level: level,
    anger_trend: r.pick(TRENDS),
    abusive: r.chance(0.12),
    repeat_contact: r.chance(0.15),
    threats,
  };
  return r.chance(0.2) ? result : { kind: "customer", coach_version: COACH_VERSION, result };
}

function replyAnalysis(r: Random): unknown {
  if (r.chance(0.1)) return r.pick([null, {}, { kind: "reply", result: { labels: null } }]);
  const result = {
    labels: { sets_boundary: { value: r.chance(0.15), confidence: 0.9 }, empathy: { value: true } },
  };
  return r.chance(0.2) ? result : { kind: "reply", coach_version: COACH_VERSION, result };
}

/** A stored message row as the check reads it, with random `aside` and `own` flags. */
export type RandomRow = ThreadRow & { aside: boolean; own: boolean };

const START = Date.parse("2026-11-20T09:00:00Z");

/** `n` messages a minute or so apart (sometimes at the same instant), mostly customer messages and agent replies. */
export function randomRows(r: Random, n: number, caseTag = "c"): RandomRow[] {
  let at = START;
  const rows: RandomRow[] = [];
  for (let i = 0; i < n; i++) {
    at += r.chance(0.05) ? 0 : 1_000 + r.int(120_000);
    const roll = r.next();
    const direction = roll < 0.55 ? "inbound" : roll < 0.93 ? "outbound" : "note";
    const body =
      direction === "outbound"
        ? r.pick(REPLIES)
        : r.chance(0.1)
          ? r.pick(CUES)
          : `${r.pick(PLAIN)} ${r.chance(0.3) ? r.pick(PLAIN) : ""}`;
    const analysis =
      direction === "inbound"
        ? r.chance(0.03)
          ? replyAnalysis(r)
          : customerAnalysis(r)
        : direction === "outbound"
          ? r.chance(0.03)
            ? customerAnalysis(r)
            : replyAnalysis(r)
          : r.chance(0.5)
            ? null
            : customerAnalysis(r);
    rows.push({
      id: `${caseTag}-m${i}`,
      direction,
      body,
      analysis,
      created_at: new Date(at),
      agent_name: direction === "inbound" ? null : r.pick([null, "Sam"]),
      aside: direction === "outbound" && r.chance(0.05),
      own: false,
    });
  }
  return rows;
}

/** A case row (open) with its customer: random VIP flag, CSAT, earlier cases and SLA due times. */
export function randomCase(r: Random, id = "case-1"): CaseWithCustomer {
  const created = new Date(START - 3_600_000);
  const due = (): Date | null =>
    r.chance(0.5) ? null : new Date(START + (r.chance(0.3) ? -1 : 1) * 3_600_000);
  return {
    id,
    number: 1042,
    subject: "Parcel",
    status: r.pick(["new", "open", "open", "pending_customer", "resolved"] as const),
    priority: "normal",
    customer_id: "customer-1",
    team_id: null,
    assignee_id: null,
    tags: [],
    first_response_due_at: due(),
    first_responded_at: r.chance(0.5) ? created : null,
    resolution_due_at: due(),
    resolved_at: null,
    sla_paused_at: r.chance(0.1) ? created : null,
    sla_paused_seconds: 0,
    portal_token_hash: null,
    created_at: created,
    updated_at: created,
    customer_name: "Dana Whitfield",
    customer_vip: r.chance(0.2),
    contact_values: ["dana@example.com"],
    previous_cases: r.pick([0, 1, 2, 3, 5, "4"]),
    latest_csat: r.chance(0.6) ? null : 1 + r.int(5),
  };
}

const ANGER = ["annoyed", "angry", "furious"] as const;

/** One random condition set (at least one condition). */
function randomConditions(r: Random): EscalationConditions {
  const c: EscalationConditions = {};
  const bool = () => r.chance(0.7);
  while (Object.keys(c).length === 0) {
    if (r.chance(0.25)) c.angerAtLeast = r.pick(ANGER);
    if (r.chance(0.15)) c.angerRising = bool();
    if (r.chance(0.15)) c.threatKinds = THREAT_KINDS.filter(() => r.chance(0.4));
    if (c.threatKinds?.length === 0) delete c.threatKinds;
    if (r.chance(0.15)) c.abuse = r.pick(["any", "after_boundary"]);
    if (r.chance(0.15)) c.repeatContact = bool();
    if (r.chance(0.15)) c.slaBreached = bool();
    if (r.chance(0.15)) c.managerRequested = bool();
    if (r.chance(0.15)) c.csatAtMost = 1 + r.int(5);
    if (r.chance(0.15)) c.vip = bool();
    if (r.chance(0.15)) c.unresolvedRepliesAtLeast = 1 + r.int(8);
    if (r.chance(0.15)) c.safety = bool();
    if (r.chance(0.15)) c.vulnerableCustomer = bool();
  }
  return c;
}

/** A custom rule set of 1–8 rules, some disabled, escalating or advising. */
export function randomRules(r: Random): EscalationRule[] {
  return Array.from({ length: 1 + r.int(8) }, (_, i) => ({
    id: `rule-${i}`,
    name: `Rule ${i}`,
    enabled: r.chance(0.85),
    conditions: randomConditions(r),
    action: { kind: r.chance(0.6) ? "escalate" : "advise", priority: "high" },
  }));
}
