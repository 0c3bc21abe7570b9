/** @module The per-agent table beside the exposure chart: load now, the range's figures as numbers, promises owed. */
import type { DashboardAgent } from "@keel/contracts";

const LEVEL_TONE = { low: "badge-ok", elevated: "badge-warn", high: "badge-danger" } as const;

export function AgentTable({ agents }: { agents: DashboardAgent[] }) {
  return (
    <section className="card" aria-labelledby="agents-title">
      <h2 id="agents-title">Agents</h2>
      <div className="table-scroll">
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">Agent</th>
              <th scope="col">Load now</th>
              <th scope="col">Open cases / capacity</th>
              <th scope="col">Replies sent</th>
              <th scope="col">Hostile messages</th>
              <th scope="col">Abusive messages</th>
              <th scope="col">Hostility points</th>
              <th scope="col">Overdue promises</th>
            </tr>
          </thead>
          <tbody>
            {agents.map((agent) => {
              const full = agent.openCases >= agent.capacity;
              return (
                <tr key={agent.agentId}>
                  <th scope="row">
                    {agent.name} <span className="muted">({agent.role})</span>
                  </th>
                  <td>
                    {agent.loadNow}{" "}
                    <span className={`badge ${LEVEL_TONE[agent.loadLevel]}`}>{agent.loadLevel}</span>
                    {agent.coolingDown ? <span className="badge badge-neutral"> cooling down</span> : null}
                  </td>
                  <td>
                    {agent.openCases} / {agent.capacity}
                    {full ? <span className="badge badge-warn"> at capacity</span> : null}
                  </td>
                  <td>{agent.repliesSent}</td>
                  <td>{agent.hostileMessages}</td>
                  <td>{agent.abusiveMessages}</td>
                  <td>{agent.hostilityPoints}</td>
                  <td>
                    {agent.overduePromises > 0 ? (
                      <span className="badge badge-danger">{agent.overduePromises} overdue</span>
                    ) : (
                      0
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
