/**
 * @module The route table: every screen with its path and the least role it needs. `public` screens need no sign-in
 * (the customer portal). Screens are lazy so each loads with its own chunk.
 */
import { type ComponentType, lazy } from "react";

export type RouteRole = "public" | "agent" | "supervisor" | "admin";

export interface AppRoute {
  path: string;
  role: RouteRole;
  title: string;
  /** Shown in the top navigation when set. */
  nav?: string;
  screen: ComponentType<{ params: Record<string, string> }>;
}

const InboxScreen = lazy(() => import("../inbox/InboxScreen.js"));
const CaseScreen = lazy(() => import("../case/CaseScreen.js"));
const DashboardScreen = lazy(() => import("../dashboard/DashboardScreen.js"));
const PortalScreen = lazy(() => import("../portal/PortalScreen.js"));
const SettingsScreen = lazy(() => import("../settings/SettingsScreen.js"));

export const ROUTES: AppRoute[] = [
  { path: "/", role: "agent", title: "Inbox", nav: "Inbox", screen: InboxScreen },
  { path: "/cases/:id", role: "agent", title: "Case", screen: CaseScreen },
  { path: "/dashboard", role: "supervisor", title: "Dashboard", nav: "Dashboard", screen: DashboardScreen },
  { path: "/settings", role: "admin", title: "Settings", nav: "Settings", screen: SettingsScreen },
  { path: "/portal/:token", role: "public", title: "Your case", screen: PortalScreen },
  { path: "/portal/:token/followup", role: "public", title: "Your case", screen: PortalScreen },
];
