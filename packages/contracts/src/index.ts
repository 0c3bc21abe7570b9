/** @module @keel/contracts — zod schemas for Keel's API and events, shared by server, web app and CLI. */
export * from "./agents.js";
export * from "./analytics.js";
export * from "./auth.js";
export * from "./cases.js";
export * from "./common.js";
export * from "./customers.js";
export * from "./escalation.js";
export * from "./followups.js";
export * from "./inbox.js";
export * from "./messages.js";
export * from "./notifications.js";
export * from "./portal.js";
export * from "./promises.js";
export * from "./reflections.js";
export * from "./wellbeing.js";
