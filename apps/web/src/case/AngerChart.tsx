/** @module The customer's anger over the case: one point per customer message, with the anger bands marked. */
import { memo } from "react";
import {
  CartesianGrid,
  Line,
  LineChart,
  ReferenceArea,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import type { Trajectory } from "../api/endpoints.js";

export const AngerChart = memo(function AngerChart({ trajectory }: { trajectory: Trajectory }) {
  const points = trajectory.points.map((p, i) => ({
    n: i + 1,
    anger: Math.round(p.anger),
    label: p.label,
    at: new Date(p.at).toLocaleString(undefined, { dateStyle: "short", timeStyle: "short" }),
  }));
  if (points.length === 0) return <p className="muted">No customer messages yet.</p>;
  const summary = points.map((p) => `${p.anger} (${p.label})`).join(", ");
  const trend = trajectory.trend ? `Trend: ${trajectory.trend}.` : "";
  return (
    <figure className="anger-chart">
      <div style={{ width: "100%", height: 180 }} aria-hidden="true">
        <ResponsiveContainer>
          <LineChart data={points} margin={{ top: 8, right: 12, bottom: 18, left: 0 }}>
            <ReferenceArea y1={0} y2={25} fill="#e6f4ea" fillOpacity={0.6} />
            <ReferenceArea y1={75} y2={100} fill="#fdecea" fillOpacity={0.7} />
            <CartesianGrid strokeDasharray="3 3" stroke="#d0d7de" />
            <XAxis
              dataKey="n"
              tick={{ fontSize: 12 }}
              label={{ value: "customer message", position: "insideBottom", offset: -10, fontSize: 12 }}
            />
            <YAxis domain={[0, 100]} ticks={[0, 25, 50, 75, 100]} tick={{ fontSize: 12 }} width={32} />
            <Tooltip
              formatter={(value) => [`${String(value)}/100`, "anger"]}
              labelFormatter={(n) => points[Number(n) - 1]?.at ?? ""}
            />
            <Line
              type="monotone"
              dataKey="anger"
              stroke="#c2410c"
              strokeWidth={2}
              dot={{ r: 4 }}
              isAnimationActive={false}
            />
          </LineChart>
        </ResponsiveContainer>
      </div>
      <figcaption className="muted small">
        Anger per customer message (0–100). {trend}
        <span className="visually-hidden"> Values: {summary}.</span>
      </figcaption>
    </figure>
  );
});
