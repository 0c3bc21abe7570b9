/** @module The demo desk's people: teams, agents and their published logins (demo data only). */
import type { AgentRole } from "@keel/db";

export const DEMO_TEAMS = ["Billing", "Deliveries", "Technical"] as const;

export interface DemoPerson {
  name: string;
  email: string;
  role: AgentRole;
  password: string;
  team: (typeof DEMO_TEAMS)[number] | null;
  skills: string[];
}

export const DEMO_PEOPLE: readonly DemoPerson[] = [
  {
    name: "Amira Haddad",
    email: "admin@keel.demo",
    role: "admin",
    password: "keel-demo-admin",
    team: null,
    skills: [],
  },
  {
    name: "Jonas Berg",
    email: "supervisor@keel.demo",
    role: "supervisor",
    password: "keel-demo-supervisor",
    team: "Billing",
    skills: ["billing", "escalations"],
  },
  {
    name: "Priya Nair",
    email: "priya@keel.demo",
    role: "agent",
    password: "keel-demo-agent",
    team: "Billing",
    skills: ["billing", "refunds"],
  },
  {
    name: "Tomás Ruiz",
    email: "tomas@keel.demo",
    role: "agent",
    password: "keel-demo-agent",
    team: "Deliveries",
    skills: ["shipping"],
  },
  {
    name: "Grace Okafor",
    email: "grace@keel.demo",
    role: "agent",
    password: "keel-demo-agent",
    team: "Technical",
    skills: ["internet", "devices"],
  },
  {
    name: "Lena Vogel",
    email: "lena@keel.demo",
    role: "agent",
    password: "keel-demo-agent",
    team: "Deliveries",
    skills: ["shipping", "returns"],
  },
];

/** One login per role, as shown on the home page and printed at start. */
export const DEMO_LOGINS = [
  { role: "admin", email: "admin@keel.demo", password: "keel-demo-admin" },
  { role: "supervisor", email: "supervisor@keel.demo", password: "keel-demo-supervisor" },
  { role: "agent", email: "priya@keel.demo", password: "keel-demo-agent" },
] as const;
