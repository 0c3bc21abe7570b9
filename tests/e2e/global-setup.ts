/** @module Starts one Keel for the whole end-to-end run; the returned function stops it. */
import { startKeel } from "./keel-server.js";

export const KEEL_URL_ENV = "KEEL_E2E_URL";
export const DATA_DIR_ENV = "KEEL_E2E_DATA_DIR";

export default async function globalSetup(): Promise<() => Promise<void>> {
  const keel = await startKeel();
  // Workers start after global setup and inherit this environment.
  process.env[KEEL_URL_ENV] = keel.url;
  process.env[DATA_DIR_ENV] = keel.dataDir;
  return keel.stop;
}
