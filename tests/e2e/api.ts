/** @module The API as the e2e specs use it behind the screens: a demo account's session turned into a Bearer token. */
import { type APIRequestContext, request } from "@playwright/test";
import { DEMO } from "./fixtures.js";

export interface KeelApi {
  get<T>(path: string): Promise<T>;
  post<T>(path: string, body?: unknown): Promise<T>;
  dispose(): Promise<void>;
}

async function json<T>(response: Awaited<ReturnType<APIRequestContext["get"]>>, what: string): Promise<T> {
  if (!response.ok()) throw new Error(`${what}: ${response.status()} ${await response.text()}`);
  return (await response.json()) as T;
}

export async function apiAs(baseURL: string, who: keyof typeof DEMO): Promise<KeelApi> {
  const session = await request.newContext({ baseURL });
  await json(await session.post("/api/v1/auth/login", { data: DEMO[who] }), "login");
  const csrf = (await session.storageState()).cookies.find((c) => c.name === "keel_csrf")?.value ?? "";
  const issued = await json<{ token: string }>(
    await session.post("/api/v1/auth/tokens", { data: { name: "e2e" }, headers: { "x-csrf-token": csrf } }),
    "token",
  );
  await session.dispose();
  const context = await request.newContext({
    baseURL,
    extraHTTPHeaders: { authorization: `Bearer ${issued.token}` },
  });
  return {
    get: async (path) => json(await context.get(`/api/v1${path}`), `GET ${path}`),
    post: async (path, body) =>
      json(await context.post(`/api/v1${path}`, { data: body ?? {} }), `POST ${path}`),
    dispose: () => context.dispose(),
  };
}
