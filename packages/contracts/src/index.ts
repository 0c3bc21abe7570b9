/** @module @keel/contracts — zod schemas for Keel's API and events, shared by server, web app and CLI. */
export * from "./common.js";
