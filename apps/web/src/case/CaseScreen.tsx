/**
 * @module One case: the thread with the customer's anger per message and as a trajectory, threats and abuse
 * highlighted, facts, promises, SLA clocks, escalation, and the coached reply composer. Refreshes every 5 seconds.
 */
import type { Agent, Case, Message } from "@keel/contracts";
import { useCallback, useEffect, useMemo, useState } from "react";
import {
  type Advice,
  angerTrajectory,
  caseFollowups,
  casePromises,
  escalationAdvice,
  type Followups,
  getCase,
  getCustomer,
  listAgents,
  listMessages,
  type Promises,
  type Trajectory,
} from "../api/endpoints.js";
import { Link } from "../app/router.js";
import { useAgent } from "../auth/session.js";
import { Composer } from "../composer/Composer.js";
import { usePoll } from "../ui/use-poll.js";
import { AngerChart } from "./AngerChart.js";
import { customerReading, factsOf, threadOf } from "./analysis.js";
import { CaseActions } from "./CaseActions.js";
import { Facts, FollowupList, PromiseList, SlaClocks } from "./CaseDetails.js";
import { EscalationPanel } from "./EscalationPanel.js";
import { Thread } from "./Thread.js";
import { useCaseKeys } from "./use-case-keys.js";
import { useMaskPreference } from "./use-mask-preference.js";

const POLL_MS = 5_000;

const sameMessages = (a: Message[], b: Message[]) =>
  a.length === b.length && a.every((m, i) => m.id === b[i]?.id && m.body === b[i]?.body);

/** Keeps the old value when a poll brings the same data, so nothing below re-renders for nothing. */
function unlessSame<T>(next: T): (old: T) => T {
  return (old) => (JSON.stringify(old) === JSON.stringify(next) ? old : next);
}

export default function CaseScreen({ params }: { params: Record<string, string> }) {
  const caseId = params.id ?? "";
  const me = useAgent();
  const [kase, setKase] = useState<Case | null>(null);
  const [customerName, setCustomerName] = useState("Customer");
  const [messages, setMessages] = useState<Message[]>([]);
  const [trajectory, setTrajectory] = useState<Trajectory | null>(null);
  const [promises, setPromises] = useState<Promises | null>(null);
  const [followups, setFollowups] = useState<Followups | null>(null);
  const [advice, setAdvice] = useState<Advice | null>(null);
  const [agents, setAgents] = useState<ReadonlyMap<string, Agent>>(new Map());
  const [error, setError] = useState<string | null>(null);
  const [now, setNow] = useState(() => Date.now());
  useCaseKeys();

  const load = useCallback(async () => {
    const [c, m] = await Promise.all([getCase(caseId), listMessages(caseId)]);
    if (!c.ok) {
      setError(c.error.status === 404 ? "This case does not exist, or was deleted." : c.error.message);
      return;
    }
    setError(null);
    setKase(unlessSame<Case | null>(c.data));
    if (m.ok) setMessages((old) => (sameMessages(old, m.data.messages) ? old : m.data.messages));
    // The clocks count in minutes: a new "now" only when the minute changes.
    setNow((old) => (Math.floor(Date.now() / 60_000) === Math.floor(old / 60_000) ? old : Date.now()));
    const [t, p, f, a] = await Promise.all([
      angerTrajectory(caseId),
      casePromises(caseId),
      caseFollowups(caseId),
      escalationAdvice(caseId),
    ]);
    if (t.ok) setTrajectory(unlessSame<Trajectory | null>(t.data));
    setPromises(unlessSame<Promises | null>(p.ok ? p.data.promises : null));
    setFollowups(unlessSame<Followups | null>(f.ok ? f.data.followups : null));
    setAdvice(unlessSame<Advice | null>(a.ok ? a.data : null));
  }, [caseId]);

  useEffect(() => {
    setKase(null);
    setMessages([]);
    void load();
  }, [load]);
  usePoll(() => void load(), POLL_MS);
  const reload = useCallback(() => void load(), [load]);
  // Saved on the server, which then sends this agent masked bodies: reload once it is saved.
  const [maskProfanity, setMaskProfanity] = useMaskPreference(reload);

  useEffect(() => {
    void listAgents().then((r) => r.ok && setAgents(new Map(r.data.agents.map((a) => [a.id, a]))));
  }, []);
  useEffect(() => {
    if (!kase) return;
    void getCustomer(kase.customerId).then((r) => r.ok && setCustomerName(r.data.name));
  }, [kase?.customerId, kase]);

  // The coach reads the reply against the customer's latest message and the conversation before it.
  const composerInput = useMemo(() => {
    const lastInbound = [...messages].reverse().find((m) => m.direction === "inbound") ?? null;
    const before = lastInbound ? messages.slice(0, messages.indexOf(lastInbound)) : messages;
    const reading = lastInbound ? customerReading(lastInbound) : null;
    return {
      customerMessage: lastInbound?.body ?? null,
      thread: threadOf(before),
      customerAnalysis: reading,
      customerAnger: reading?.anger ?? null,
      customerAbusive: messages.some((m) => customerReading(m)?.abusive),
    };
  }, [messages]);
  const facts = useMemo(() => factsOf(messages), [messages]);

  if (error) {
    return (
      <main id="main" className="page">
        <h1>Case</h1>
        <p className="error" role="alert">
          {error}
        </p>
        <Link href="/">Back to the inbox</Link>
      </main>
    );
  }
  if (!kase) {
    return (
      <main id="main" className="page">
        <p role="status" className="muted">
          Loading the case…
        </p>
      </main>
    );
  }

  return (
    <main id="main" className="page case-page">
      <div className="case-head">
        <p className="breadcrumb">
          <Link href="/">Inbox</Link> /
        </p>
        <h1>
          <span className="case-number">#{kase.number}</span> {kase.subject}
        </h1>
        <CaseActions
          kase={kase}
          me={me}
          agents={agents}
          customerName={customerName}
          maskProfanity={maskProfanity}
          onMaskProfanity={setMaskProfanity}
          onChanged={(updated) => {
            setKase(updated);
            void load();
          }}
        />
      </div>
      <div className="case-layout">
        <div className="case-main">
          <section aria-labelledby="thread-title">
            <h2 id="thread-title" className="visually-hidden">
              Conversation
            </h2>
            <Thread
              messages={messages}
              agents={agents}
              customerName={customerName}
              maskProfanity={maskProfanity}
            />
          </section>
          <Composer key={caseId} caseId={caseId} {...composerInput} onSent={reload} />
        </div>
        <aside className="case-side" aria-label="Case details">
          <section className="card" aria-labelledby="anger-title">
            <h2 id="anger-title">Customer anger</h2>
            {trajectory ? <AngerChart trajectory={trajectory} /> : <p className="muted">Loading…</p>}
          </section>
          <SlaClocks kase={kase} now={now} />
          <PromiseList promises={promises} now={now} />
          <Facts facts={facts} />
          <EscalationPanel
            caseId={caseId}
            advice={advice}
            closed={kase.status === "resolved" || kase.status === "closed"}
            onEscalated={reload}
          />
          <FollowupList followups={followups} now={now} />
        </aside>
      </div>
    </main>
  );
}
