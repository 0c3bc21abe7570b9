/**
 * @module The supervisor dashboard: headline figures, charts (anger, CSAT and fix held, de-escalation, SLA
 * breaches, agent load and abuse exposure), the agents table and the escalation queue, over a range of days.
 */
import type { Dashboard } from "@keel/contracts";
import { type FormEvent, useCallback, useEffect, useId, useState } from "react";
import { dateTime } from "../ui/format.js";
import { usePoll } from "../ui/use-poll.js";
import { AgentTable } from "./AgentTable.js";
import { dashboardFigures } from "./api.js";
import { AgentExposureChart, AngerChart, DeescalationChart, SatisfactionChart, SlaChart } from "./charts.js";
import { EscalationQueue } from "./EscalationQueue.js";
import "./dashboard.css";

const percent = (v: number | null) => (v === null ? "—" : `${Math.round(v * 100)} %`);

function Figure({ label, value, detail }: { label: string; value: string; detail: string }) {
  return (
    <div className="kpi card">
      <dt>{label}</dt>
      <dd>
        <span className="kpi-value">{value}</span>
        <span className="muted kpi-detail">{detail}</span>
      </dd>
    </div>
  );
}

export default function DashboardScreen() {
  const [range, setRange] = useState<{ from?: string; to?: string }>({});
  const [draft, setDraft] = useState<{ from: string; to: string }>({ from: "", to: "" });
  const [data, setData] = useState<Dashboard | null>(null);
  const [error, setError] = useState<string | null>(null);
  const fromId = useId();
  const toId = useId();

  const load = useCallback(async () => {
    const result = await dashboardFigures(range);
    if (!result.ok) {
      setError(result.error.message);
      return;
    }
    setError(null);
    setData(result.data);
    setDraft((d) => (d.from && d.to ? d : { from: result.data.from, to: result.data.to }));
  }, [range]);
  useEffect(() => {
    void load();
  }, [load]);
  usePoll(() => void load(), 60_000);

  const apply = (event: FormEvent) => {
    event.preventDefault();
    setRange({ from: draft.from, to: draft.to });
  };

  return (
    <main id="main" className="page dashboard">
      <div className="dashboard-head">
        <h1>Supervisor dashboard</h1>
        <form className="range" onSubmit={apply} aria-label="Date range">
          <label htmlFor={fromId}>From</label>
          <input
            id={fromId}
            type="date"
            value={draft.from}
            onChange={(e) => setDraft({ ...draft, from: e.target.value })}
          />
          <label htmlFor={toId}>To</label>
          <input
            id={toId}
            type="date"
            value={draft.to}
            onChange={(e) => setDraft({ ...draft, to: e.target.value })}
          />
          <button type="submit">Show</button>
        </form>
      </div>
      {error ? (
        <p className="error" role="alert">
          {error}
        </p>
      ) : null}
      {data === null ? (
        <p className="muted" role="status">
          Loading figures…
        </p>
      ) : (
        <>
          <p className="muted">
            {data.from} to {data.to} (UTC days) · updated {dateTime(data.generatedAt)}
          </p>
          <dl className="kpis" aria-label="Headline figures">
            <Figure
              label="Mean customer anger"
              value={data.anger.avg === null ? "—" : `${data.anger.avg}`}
              detail={`of 100 · ${data.anger.messages} messages`}
            />
            <Figure
              label="De-escalation rate"
              value={percent(data.deescalation.rate)}
              detail={`${data.deescalation.fell} of ${data.deescalation.cases} upset customers calmer`}
            />
            <Figure
              label="SLA breaches"
              value={String(data.sla.firstResponseBreaches + data.sla.resolutionBreaches)}
              detail={`${data.sla.firstResponseBreaches} first response · ${data.sla.resolutionBreaches} resolution`}
            />
            <Figure
              label="Overdue promises"
              value={String(data.promises.overdue)}
              detail={`of ${data.promises.open} open · ${data.promises.keptInRange} kept in range`}
            />
            <Figure
              label="CSAT"
              value={data.followups.csatAvg === null ? "—" : `${data.followups.csatAvg} / 5`}
              detail={`${data.followups.answered} answers · ${data.followups.reopened} reopened`}
            />
            <Figure
              label="Fix held"
              value={percent(data.followups.fixHeldRate)}
              detail="of follow-up answers"
            />
          </dl>
          <div className="chart-grid">
            <AngerChart days={data.days} avg={data.anger.avg} max={data.anger.max} />
            <SatisfactionChart
              days={data.days}
              csat={data.followups.csatAvg}
              fixHeld={data.followups.fixHeldRate}
            />
            <DeescalationChart
              days={data.days}
              rate={data.deescalation.rate}
              cases={data.deescalation.cases}
            />
            <SlaChart
              days={data.days}
              firstResponse={data.sla.firstResponseBreaches}
              resolution={data.sla.resolutionBreaches}
            />
            <div className="agents-row">
              <AgentExposureChart agents={data.agents} />
              <AgentTable agents={data.agents} />
            </div>
          </div>
        </>
      )}
      <EscalationQueue />
    </main>
  );
}
