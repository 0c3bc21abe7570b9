/** @module Starts one Keel for the whole end-to-end run; the returned function stops it. */
import { startKeel } from "./keel-server.js";

export const KEEL_URL_ENV = "KEEL_E2E_URL";

export default async function globalSetup(): Promise<() => Promise<void>> {
  const keel = await startKeel();
  // Workers start after global setup and inherit this environment.
  process.env[KEEL_URL_ENV] = keel.url;
  return keel.stop;
}
