/**
 * @module The dashboard's charts (recharts): each in a labelled figure with axis titles and a legend, and a
 * one-line summary for screen readers, since the drawing itself says nothing to them. Drawn without animation: they
 * refresh every minute, and motion there would only distract.
 */
import type { DashboardAgent, DashboardDay } from "@keel/contracts";
import type { ReactElement } from "react";
import {
  Bar,
  BarChart,
  CartesianGrid,
  ComposedChart,
  Label,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";

/** Colour-blind-safe pairs (Okabe–Ito), dark enough on white. */
export const COLOURS = {
  blue: "#0072b2",
  orange: "#d55e00",
  green: "#009e73",
  purple: "#7b3294",
  grey: "#6e7781",
} as const;

const HEIGHT = 260;
const MARGIN = { top: 8, right: 16, bottom: 24, left: 8 };

export const shortDay = (day: string) =>
  new Date(`${day}T00:00:00Z`).toLocaleDateString("en-GB", {
    day: "numeric",
    month: "short",
    timeZone: "UTC",
  });

function ChartFigure({
  id,
  title,
  summary,
  children,
}: {
  id: string;
  title: string;
  summary: string;
  children: ReactElement;
}) {
  return (
    <figure className="chart card" aria-labelledby={`${id}-title`} aria-describedby={`${id}-summary`}>
      <figcaption>
        <h2 id={`${id}-title`}>{title}</h2>
        <p id={`${id}-summary`} className="muted">
          {summary}
        </p>
      </figcaption>
      <div className="chart-area" aria-hidden="true">
        <ResponsiveContainer width="100%" height={HEIGHT}>
          {children}
        </ResponsiveContainer>
      </div>
    </figure>
  );
}

const dayAxis = (
  <XAxis dataKey="day" tickFormatter={shortDay} minTickGap={12}>
    <Label value="Day (UTC)" position="insideBottom" offset={-16} />
  </XAxis>
);

const yTitle = (value: string, side: "left" | "right" = "left") => (
  <Label
    value={value}
    angle={side === "left" ? -90 : 90}
    position={side === "left" ? "insideLeft" : "insideRight"}
    style={{ textAnchor: "middle" }}
  />
);

const percent = (v: number | null) => (v === null ? "—" : `${Math.round(v * 100)} %`);

export function AngerChart({
  days,
  avg,
  max,
}: {
  days: DashboardDay[];
  avg: number | null;
  max: number | null;
}) {
  return (
    <ChartFigure
      id="chart-anger"
      title="Customer anger over time"
      summary={
        avg === null
          ? "No customer messages in this range."
          : `Mean anger ${avg}/100, highest ${max}/100, per day of the range.`
      }
    >
      <LineChart data={days} margin={MARGIN}>
        <CartesianGrid strokeDasharray="3 3" />
        {dayAxis}
        <YAxis domain={[0, 100]}>{yTitle("Anger (0–100)")}</YAxis>
        <Tooltip labelFormatter={(d) => shortDay(String(d))} />
        <Legend verticalAlign="top" height={28} />
        <Line
          isAnimationActive={false}
          type="monotone"
          dataKey="angerAvg"
          name="Mean anger"
          stroke={COLOURS.blue}
          strokeWidth={2}
          connectNulls
        />
        <Line
          isAnimationActive={false}
          type="monotone"
          dataKey="angerMax"
          name="Highest anger"
          stroke={COLOURS.orange}
          strokeDasharray="5 3"
          connectNulls
        />
      </LineChart>
    </ChartFigure>
  );
}

export function SatisfactionChart({
  days,
  csat,
  fixHeld,
}: {
  days: DashboardDay[];
  csat: number | null;
  fixHeld: number | null;
}) {
  const data = days.map((d) => ({
    ...d,
    fixHeldPercent: d.fixHeldRate === null ? null : Math.round(d.fixHeldRate * 100),
  }));
  return (
    <ChartFigure
      id="chart-csat"
      title="CSAT and fix-held rate"
      summary={
        csat === null
          ? "No follow-up answers in this range."
          : `Mean CSAT ${csat} of 5; the fix held for ${percent(fixHeld)} of answers.`
      }
    >
      <ComposedChart data={data} margin={MARGIN}>
        <CartesianGrid strokeDasharray="3 3" />
        {dayAxis}
        <YAxis yAxisId="csat" domain={[0, 5]} ticks={[0, 1, 2, 3, 4, 5]}>
          {yTitle("CSAT (1–5)")}
        </YAxis>
        <YAxis yAxisId="held" orientation="right" domain={[0, 100]} unit="%">
          {yTitle("Fix held (%)", "right")}
        </YAxis>
        <Tooltip labelFormatter={(d) => shortDay(String(d))} />
        <Legend verticalAlign="top" height={28} />
        <Bar
          isAnimationActive={false}
          yAxisId="csat"
          dataKey="csatAvg"
          name="Mean CSAT"
          fill={COLOURS.green}
        />
        <Line
          isAnimationActive={false}
          yAxisId="held"
          type="monotone"
          dataKey="fixHeldPercent"
          name="Fix held (%)"
          stroke={COLOURS.purple}
          strokeWidth={2}
          connectNulls
        />
      </ComposedChart>
    </ChartFigure>
  );
}

export function DeescalationChart({
  days,
  rate,
  cases,
}: {
  days: DashboardDay[];
  rate: number | null;
  cases: number;
}) {
  const data = days.map((d) => ({
    day: d.day,
    fell: d.deescalated,
    notFell: d.deescalationCases - d.deescalated,
  }));
  return (
    <ChartFigure
      id="chart-deescalation"
      title="De-escalation"
      summary={
        rate === null
          ? "No upset customer wrote back after a reply in this range."
          : `Anger fell after our replies in ${percent(rate)} of ${cases} cases.`
      }
    >
      <BarChart data={data} margin={MARGIN}>
        <CartesianGrid strokeDasharray="3 3" />
        {dayAxis}
        <YAxis allowDecimals={false}>{yTitle("Cases")}</YAxis>
        <Tooltip labelFormatter={(d) => shortDay(String(d))} />
        <Legend verticalAlign="top" height={28} />
        <Bar
          isAnimationActive={false}
          dataKey="fell"
          name="Anger fell"
          stackId="cases"
          fill={COLOURS.green}
        />
        <Bar
          isAnimationActive={false}
          dataKey="notFell"
          name="Did not fall"
          stackId="cases"
          fill={COLOURS.grey}
        />
      </BarChart>
    </ChartFigure>
  );
}

export function SlaChart({
  days,
  firstResponse,
  resolution,
}: {
  days: DashboardDay[];
  firstResponse: number;
  resolution: number;
}) {
  return (
    <ChartFigure
      id="chart-sla"
      title="SLA breaches per day"
      summary={`${firstResponse} first-response and ${resolution} resolution targets missed, by the day they fell due.`}
    >
      <BarChart data={days} margin={MARGIN}>
        <CartesianGrid strokeDasharray="3 3" />
        {dayAxis}
        <YAxis allowDecimals={false}>{yTitle("Targets missed")}</YAxis>
        <Tooltip labelFormatter={(d) => shortDay(String(d))} />
        <Legend verticalAlign="top" height={28} />
        <Bar
          isAnimationActive={false}
          dataKey="firstResponseBreaches"
          name="First response"
          stackId="sla"
          fill={COLOURS.orange}
        />
        <Bar
          isAnimationActive={false}
          dataKey="resolutionBreaches"
          name="Resolution"
          stackId="sla"
          fill={COLOURS.blue}
        />
      </BarChart>
    </ChartFigure>
  );
}

export function AgentExposureChart({ agents }: { agents: DashboardAgent[] }) {
  const data = agents.filter((a) => a.role === "agent" || a.hostileMessages > 0 || a.openCases > 0);
  const most = data[0];
  return (
    <ChartFigure
      id="chart-agents"
      title="Agent load and abuse exposure"
      summary={
        most && most.hostileMessages > 0
          ? `${most.name} took the most hostility: ${most.hostileMessages} hostile messages, ${most.abusiveMessages} abusive.`
          : "No agent handled hostile messages in this range."
      }
    >
      <BarChart data={data} layout="vertical" margin={{ ...MARGIN, left: 24 }}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis type="number" allowDecimals={false}>
          <Label value="Messages / cases" position="insideBottom" offset={-16} />
        </XAxis>
        <YAxis type="category" dataKey="name" width={120} />
        <Tooltip />
        <Legend verticalAlign="top" height={28} />
        <Bar isAnimationActive={false} dataKey="openCases" name="Open cases" fill={COLOURS.blue} />
        <Bar
          isAnimationActive={false}
          dataKey="hostileMessages"
          name="Hostile messages"
          fill={COLOURS.orange}
        />
        <Bar
          isAnimationActive={false}
          dataKey="abusiveMessages"
          name="Abusive messages"
          fill={COLOURS.purple}
        />
      </BarChart>
    </ChartFigure>
  );
}
