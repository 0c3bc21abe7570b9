/**
 * @module Seeds the demo desk once: teams, agents (one admin, one supervisor, four agents) and 64 cases whose
 * threads come from the hand-written material, analysed and coached like real messages.
 */
import {
  type CasePriority,
  type CaseStatus,
  createTeam,
  type Database,
  findAgentByEmail,
  fulfilPromise,
} from "@keel/db";
import { type Kysely, sql } from "kysely";
import { type Clock, ManualClock } from "../clock.js";
import type { ServerConfig } from "../config.js";
import { createAgent } from "../features/agents/service.js";
import { seedAttachmentDemo } from "../features/attachments/demo.js";
import { SYSTEM_ACTOR } from "../features/audit/service.js";
import { type CoreDeps, updateCase } from "../features/cases/service.js";
import { seedEscalationDemo } from "../features/escalation/demo.js";
import { seedFollowupDemo } from "../features/followups/demo.js";
import { seedInformedDemo } from "../features/informed/demo.js";
import { addInboundMessage, addNote, addOutboundMessage } from "../features/messages/service.js";
import { seedPromiseDemo } from "../features/promises/demo.js";
import { seedReflectionDemo } from "../features/reflection/demo.js";
import { seedWellbeingDemo } from "../features/wellbeing/demo.js";
import type { Jobs } from "../jobs/jobs.js";
import { DEMO_DOMAINS, DEMO_NOTES, type DemoDomain } from "./material.js";
import { DEMO_PEOPLE, DEMO_TEAMS } from "./people.js";

export const DEMO_CASE_COUNT = 64;

const FIRST_NAMES = [
  "Maya",
  "Oliver",
  "Sofia",
  "Liam",
  "Chen",
  "Fatima",
  "Noah",
  "Elena",
  "Kwame",
  "Isla",
  "Mateo",
  "Hana",
  "Arjun",
  "Zoe",
  "Ibrahim",
  "Clara",
];
const LAST_NAMES = [
  "Patel",
  "Murphy",
  "Kowalski",
  "Santos",
  "Nguyen",
  "Schmidt",
  "Okoye",
  "Larsen",
  "Rossi",
  "Kim",
  "Dubois",
  "Hughes",
];

/** Events are not announced while seeding: nobody has subscribed yet. */
const silentJobs: Jobs = { send: async () => null, work: async () => undefined, stop: async () => undefined };

/** A small deterministic generator, so every fresh demo looks the same. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const pick = <T>(items: readonly T[], next: () => number): T => items[Math.floor(next() * items.length)] as T;
const HOUR = 3_600_000;

export async function isDemoSeeded(db: Kysely<Database>): Promise<boolean> {
  return (await findAgentByEmail(db, DEMO_PEOPLE[0]?.email ?? "")) !== undefined;
}

/** Seeds when the demo admin does not exist yet; returns how many cases were created (0 when already seeded). */
export async function seedDemo(
  deps: { db: Kysely<Database>; clock: Clock; config?: ServerConfig },
  log: (line: string) => void = () => undefined,
): Promise<number> {
  if (await isDemoSeeded(deps.db)) return 0;
  const teamIds = new Map<string, string>();
  for (const name of DEMO_TEAMS) {
    const team = await createTeam(deps.db, { name });
    if (team.ok) teamIds.set(name, team.value.id);
  }
  const agentsByTeam = new Map<string, string[]>();
  for (const person of DEMO_PEOPLE) {
    const created = await createAgent(
      deps,
      {
        email: person.email,
        name: person.name,
        role: person.role,
        password: person.password,
        teamId: person.team ? (teamIds.get(person.team) ?? null) : null,
        skills: person.skills,
      },
      SYSTEM_ACTOR,
    );
    if (!created.ok) throw new Error(`demo agent ${person.email}: ${created.error.message}`);
    if (person.team && person.role === "agent") {
      agentsByTeam.set(person.team, [...(agentsByTeam.get(person.team) ?? []), created.value.id]);
    }
  }
  const now = deps.clock.now().getTime();
  for (let index = 0; index < DEMO_CASE_COUNT; index++) {
    const domain = DEMO_DOMAINS[index % DEMO_DOMAINS.length] as DemoDomain;
    const next = random(index + 1);
    const start = new Date(now - Math.floor((1 + next() * 240) * HOUR));
    await seedCase(deps.db, { domain, next, start, index, teamIds, agentsByTeam, now });
    if ((index + 1) % 16 === 0) log(`demo: ${index + 1}/${DEMO_CASE_COUNT} cases`);
  }
  await seedPromiseDemo({ db: deps.db, clock: deps.clock, jobs: silentJobs });
  await seedWellbeingDemo({ db: deps.db, clock: deps.clock, jobs: silentJobs });
  await seedReflectionDemo({ db: deps.db, clock: deps.clock, jobs: silentJobs });
  await seedEscalationDemo({ db: deps.db, clock: deps.clock, jobs: silentJobs });
  // Signed links in follow-ups and acknowledgments need the server secret from the configuration.
  await seedFollowupDemo({ db: deps.db, clock: deps.clock, jobs: silentJobs, config: deps.config });
  await seedInformedDemo({ db: deps.db, clock: deps.clock, jobs: silentJobs, config: deps.config });
  await keepPromisesOfResolvedCases(deps.db, deps.clock.now());
  await seedAttachmentDemo(deps);
  // Feature demos write threads that began earlier: a case is as old as its first message.
  await sql`UPDATE cases SET created_at = first.at
            FROM (SELECT case_id, min(created_at) AS at FROM messages GROUP BY case_id) AS first
            WHERE first.case_id = cases.id AND first.at < cases.created_at`.execute(deps.db);
  return DEMO_CASE_COUNT;
}

interface CasePlan {
  domain: DemoDomain;
  next: () => number;
  start: Date;
  index: number;
  teamIds: Map<string, string>;
  agentsByTeam: Map<string, string[]>;
  /** The real now: no demo message is dated after it. */
  now: number;
}

async function seedCase(db: Kysely<Database>, plan: CasePlan): Promise<void> {
  const { domain, next, start } = plan;
  const clock = new ManualClock(start);
  const deps: CoreDeps = { db, clock, jobs: silentJobs };
  const first = pick(FIRST_NAMES, next);
  const last = pick(LAST_NAMES, next);
  const openerIndex = Math.floor(next() * domain.openers.length);
  const opener = domain.openers[openerIndex] ?? "";
  // Later openers in each list are the angrier ones.
  const furious = openerIndex >= domain.openers.length - 2;
  const priority: CasePriority = furious
    ? next() < 0.5
      ? "urgent"
      : "high"
    : next() < 0.3
      ? "low"
      : "normal";
  const assignees = plan.agentsByTeam.get(domain.team) ?? [];
  const assigneeId = assignees.length > 0 && next() < 0.8 ? pick(assignees, next) : null;

  const opened = await addInboundMessage(deps, {
    newCase: {
      subject: pick(domain.subjects, next),
      priority,
      teamId: plan.teamIds.get(domain.team) ?? null,
      assigneeId,
      tags: [...domain.tags, ...(furious ? ["angry"] : [])],
    },
    contact: {
      kind: "email",
      value: `${first}.${last}.${plan.index}@example.com`.toLowerCase(),
      name: `${first} ${last}`,
    },
    body: opener,
    channel: next() < 0.7 ? "email" : "web",
    receivedAt: start,
  });
  if (!opened.ok) throw new Error(`demo case ${plan.index}: ${opened.error.message}`);
  const caseId = opened.value.case.id;
  await sql`UPDATE cases SET created_at = ${start} WHERE id = ${caseId}`.execute(db);

  // One case in six is still waiting for its first reply.
  if (next() < 1 / 6) return;
  // Replies and answers follow the opener by hours, but never land after the real now: a recent case's thread is
  // squeezed into the minutes before it (each step a minute apart, so the order holds).
  let step = 0;
  const later = (hours: number) => {
    step++;
    clock.advance(Math.floor(hours * HOUR));
    const latest = plan.now - (5 - step) * 60_000;
    if (clock.now().getTime() > latest)
      clock.set(new Date(Math.max(latest, start.getTime() + step * 60_000)));
    return clock.now();
  };
  const goodFirst = next() < 0.5;
  await addOutboundMessage(deps, {
    caseId,
    authorAgentId: assigneeId,
    body: pick(goodFirst ? domain.goodReplies : domain.poorReplies, next),
    channel: "email",
    sentAt: later(0.5 + next() * 6),
  });
  if (next() < 0.3) {
    await addNote(deps, {
      caseId,
      authorAgentId: assigneeId,
      body: pick(DEMO_NOTES, next),
      writtenAt: later(0.2),
    });
  }
  const answered = next() < 0.75;
  if (answered) {
    await addInboundMessage(deps, {
      caseId,
      contact: { kind: "email", value: `${first}.${last}.${plan.index}@example.com`.toLowerCase() },
      body: pick(goodFirst ? domain.calmer : domain.angrier, next),
      channel: "email",
      receivedAt: later(1 + next() * 20),
    });
  }
  if (!goodFirst && answered && next() < 0.6) {
    await addOutboundMessage(deps, {
      caseId,
      authorAgentId: assigneeId,
      body: pick(domain.goodReplies, next),
      channel: "email",
      sentAt: later(0.5 + next() * 4),
    });
  }
  const status: CaseStatus = goodFirst
    ? pick(["resolved", "resolved", "closed", "pending_customer"] as const, next)
    : pick(["open", "open", "pending_internal", "pending_customer"] as const, next);
  await updateCase(deps, caseId, { status }, SYSTEM_ACTOR, "status");
}

/**
 * A demo case that is resolved or closed got there by doing what its replies promised: those promises are kept, not
 * overdue. Runs once every scenario is seeded, so generated and feature cases alike tell that story.
 */
async function keepPromisesOfResolvedCases(db: Kysely<Database>, at: Date): Promise<void> {
  const open = await db
    .selectFrom("promises")
    .innerJoin("cases", "cases.id", "promises.case_id")
    .select(["promises.id", "promises.owner_agent_id"])
    .where("promises.status", "=", "open")
    .where("cases.status", "in", ["resolved", "closed"])
    .execute();
  for (const promise of open) {
    await fulfilPromise(db, promise.id, at, { kind: "agent", agentId: promise.owner_agent_id });
  }
}
