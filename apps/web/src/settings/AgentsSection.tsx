/** @module Agents and teams: who works the desk, their role, team and capacity; add people and teams. */
import { type FormEvent, useCallback, useEffect, useId, useState } from "react";
import {
  type AgentDto,
  createAgent,
  createTeam,
  listAgents,
  listTeams,
  patchAgent,
  type TeamDto,
} from "./api.js";

const ROLES = ["agent", "supervisor", "admin"] as const;
type Role = (typeof ROLES)[number];

export function AgentsSection() {
  const [agents, setAgents] = useState<AgentDto[]>([]);
  const [teams, setTeams] = useState<TeamDto[]>([]);
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);
  const [draft, setDraft] = useState({
    name: "",
    email: "",
    role: "agent" as Role,
    password: "",
    teamId: "",
  });
  const [teamName, setTeamName] = useState("");
  const id = useId();

  const load = useCallback(async () => {
    const [a, t] = await Promise.all([listAgents(), listTeams()]);
    if (a.ok) setAgents(a.data.agents);
    if (t.ok) setTeams(t.data.teams);
    if (!a.ok) setMessage({ error: true, text: a.error.message });
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  const report = (result: { ok: true } | { ok: false; error: { message: string } }, done: string) => {
    setMessage(result.ok ? { error: false, text: done } : { error: true, text: result.error.message });
  };

  const addAgent = async (event: FormEvent) => {
    event.preventDefault();
    const result = await createAgent({
      name: draft.name,
      email: draft.email,
      role: draft.role,
      password: draft.password,
      teamId: draft.teamId || null,
    });
    report(result, `Added ${draft.name}.`);
    if (result.ok) {
      setDraft({ name: "", email: "", role: "agent", password: "", teamId: "" });
      await load();
    }
  };
  const addTeam = async (event: FormEvent) => {
    event.preventDefault();
    const result = await createTeam(teamName);
    report(result, `Added the ${teamName} team.`);
    if (result.ok) {
      setTeamName("");
      await load();
    }
  };
  const change = async (agent: AgentDto, patch: Parameters<typeof patchAgent>[1]) => {
    const result = await patchAgent(agent.id, patch);
    report(result, `Saved ${agent.name}.`);
    await load();
  };
  const teamLabel = (teamId: string | null) => teams.find((t) => t.id === teamId)?.name ?? "—";

  return (
    <section className="card" aria-labelledby={`${id}-title`} id="agents">
      <h2 id={`${id}-title`}>Agents and teams</h2>
      {message ? (
        <p className={message.error ? "error" : "muted"} role={message.error ? "alert" : "status"}>
          {message.text}
        </p>
      ) : null}
      <div className="table-scroll">
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Email</th>
              <th scope="col">Role</th>
              <th scope="col">Team</th>
              <th scope="col">Capacity</th>
              <th scope="col">Active</th>
            </tr>
          </thead>
          <tbody>
            {agents.map((agent) => (
              <tr key={agent.id}>
                <th scope="row">{agent.name}</th>
                <td>{agent.email}</td>
                <td>
                  <select
                    aria-label={`Role of ${agent.name}`}
                    value={agent.role}
                    onChange={(e) => void change(agent, { role: e.target.value as Role })}
                  >
                    {ROLES.map((r) => (
                      <option key={r}>{r}</option>
                    ))}
                  </select>
                </td>
                <td>
                  <select
                    aria-label={`Team of ${agent.name}`}
                    value={agent.teamId ?? ""}
                    onChange={(e) => void change(agent, { teamId: e.target.value || null })}
                  >
                    <option value="">No team</option>
                    {teams.map((t) => (
                      <option key={t.id} value={t.id}>
                        {t.name}
                      </option>
                    ))}
                  </select>
                  <span className="visually-hidden">{teamLabel(agent.teamId)}</span>
                </td>
                <td>
                  <input
                    type="number"
                    min={0}
                    max={1000}
                    aria-label={`Capacity of ${agent.name}`}
                    defaultValue={agent.capacity}
                    className="narrow"
                    onBlur={(e) => {
                      const capacity = Number(e.target.value);
                      if (capacity !== agent.capacity) void change(agent, { capacity });
                    }}
                  />
                </td>
                <td>
                  <input
                    type="checkbox"
                    aria-label={`${agent.name} is active`}
                    checked={agent.active}
                    onChange={(e) => void change(agent, { active: e.target.checked })}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="settings-forms">
        <form onSubmit={(e) => void addAgent(e)} className="inline-form" aria-label="Add an agent">
          <h3>Add an agent</h3>
          <label htmlFor={`${id}-name`}>Name</label>
          <input
            id={`${id}-name`}
            required
            value={draft.name}
            onChange={(e) => setDraft({ ...draft, name: e.target.value })}
          />
          <label htmlFor={`${id}-email`}>Email</label>
          <input
            id={`${id}-email`}
            type="email"
            required
            value={draft.email}
            onChange={(e) => setDraft({ ...draft, email: e.target.value })}
          />
          <label htmlFor={`${id}-role`}>Role</label>
          <select
            id={`${id}-role`}
            value={draft.role}
            onChange={(e) => setDraft({ ...draft, role: e.target.value as Role })}
          >
            {ROLES.map((r) => (
              <option key={r}>{r}</option>
            ))}
          </select>
          <label htmlFor={`${id}-team`}>Team</label>
          <select
            id={`${id}-team`}
            value={draft.teamId}
            onChange={(e) => setDraft({ ...draft, teamId: e.target.value })}
          >
            <option value="">No team</option>
            {teams.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </select>
          <label htmlFor={`${id}-password`}>First password (10+ characters)</label>
          <input
            id={`${id}-password`}
            type="password"
            autoComplete="new-password"
            minLength={10}
            required
            value={draft.password}
            onChange={(e) => setDraft({ ...draft, password: e.target.value })}
          />
          <button type="submit" className="button-primary">
            Add agent
          </button>
        </form>
        <form onSubmit={(e) => void addTeam(e)} className="inline-form" aria-label="Add a team">
          <h3>Teams</h3>
          <p className="muted">{teams.map((t) => t.name).join(", ") || "No teams yet."}</p>
          <label htmlFor={`${id}-teamname`}>New team</label>
          <input
            id={`${id}-teamname`}
            required
            value={teamName}
            onChange={(e) => setTeamName(e.target.value)}
          />
          <button type="submit">Add team</button>
        </form>
      </div>
    </section>
  );
}
