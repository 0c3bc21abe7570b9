/** @module Agents and teams API. */
import { z } from "zod";
import { Agent, AgentRole } from "./auth.js";
import { Name, Text, Timestamp, Uuid } from "./common.js";

export const NewAgentBody = z.object({
  email: z.email().max(320),
  name: Name(200),
  role: AgentRole,
  password: Text(1000, 10).describe("At least 10 characters."),
  teamId: Uuid.nullable().optional(),
  skills: z.array(Name(50)).max(50).optional(),
  capacity: z.number().int().min(0).max(1000).optional(),
});

export const AgentPatch = z
  .object({
    name: Name(200),
    role: AgentRole,
    password: Text(1000, 10),
    teamId: Uuid.nullable(),
    skills: z.array(Name(50)).max(50),
    capacity: z.number().int().min(0).max(1000),
    active: z.boolean(),
  })
  .partial();

export const AgentList = z.object({ agents: z.array(Agent) });

export const Team = z.object({ id: Uuid, name: z.string(), createdAt: Timestamp });
export const TeamList = z.object({ teams: z.array(Team) });
export const TeamBody = z.object({ name: Name(100) });
