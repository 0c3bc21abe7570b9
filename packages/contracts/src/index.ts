/** @module @keel/contracts — zod schemas for Keel's API and events, shared by server, web app and CLI. */
export * from "./agents.js";
export * from "./auth.js";
export * from "./cases.js";
export * from "./common.js";
export * from "./customers.js";
export * from "./messages.js";
export * from "./portal.js";
