/**
 * @module The API client: fetch with the session cookie, the `x-csrf-token` header on unsafe requests (double-submit,
 * see apps/server/src/features/auth/README.md), and results as values — `{ ok: true, data }` or `{ ok: false, error }`.
 */
import type { ErrorBody } from "@keel/contracts";

export const CSRF_COOKIE = "keel_csrf";
export const CSRF_HEADER = "x-csrf-token";

export interface ApiFailure {
  status: number;
  code: string;
  message: string;
  field?: string;
  /** The whole error object, for errors that carry more (e.g. the spans of a 409 `overpromise_unconfirmed`). */
  details?: Record<string, unknown>;
}

export type ApiResult<T> = { ok: true; status: number; data: T } | { ok: false; error: ApiFailure };

type Method = "GET" | "POST" | "PATCH" | "PUT" | "DELETE";
export type Query = Record<string, string | number | boolean | readonly string[] | undefined | null>;

const SAFE = new Set<Method>(["GET"]);
const unauthenticatedListeners = new Set<() => void>();

/** Called when any request answers 401, so the app can show the login screen. */
export function onUnauthenticated(listener: () => void): () => void {
  unauthenticatedListeners.add(listener);
  return () => unauthenticatedListeners.delete(listener);
}

export function readCookie(name: string, cookies: string = globalThis.document?.cookie ?? ""): string | null {
  for (const part of cookies.split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === name) return decodeURIComponent(part.slice(eq + 1).trim());
  }
  return null;
}

export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === "") continue;
    if (Array.isArray(value)) for (const v of value) params.append(key, v);
    else params.append(key, String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

function isErrorBody(value: unknown): value is ErrorBody {
  const error = (value as { error?: { code?: unknown; message?: unknown } } | null)?.error;
  return typeof error?.code === "string" && typeof error.message === "string";
}

export interface RequestOptions {
  query?: Query;
  body?: unknown;
  idempotencyKey?: string;
  signal?: AbortSignal;
}

/** One API call under `/api/v1`. Network failures come back as `{ ok: false, error: { status: 0 } }`. */
export async function api<T>(
  method: Method,
  path: string,
  options: RequestOptions = {},
): Promise<ApiResult<T>> {
  const headers: Record<string, string> = { accept: "application/json" };
  if (options.body !== undefined) headers["content-type"] = "application/json";
  if (!SAFE.has(method)) {
    const csrf = readCookie(CSRF_COOKIE);
    if (csrf) headers[CSRF_HEADER] = csrf;
  }
  if (options.idempotencyKey) headers["idempotency-key"] = options.idempotencyKey;
  let response: Response;
  let text: string;
  try {
    response = await fetch(withQuery(`/api/v1${path}`, options.query), {
      method,
      headers,
      credentials: "same-origin",
      ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
      ...(options.signal ? { signal: options.signal } : {}),
    });
    // Inside the same guard: a request cancelled (or a connection lost) after the headers fails here.
    text = await response.text();
  } catch (cause) {
    const aborted = cause instanceof DOMException && cause.name === "AbortError";
    return {
      ok: false,
      error: {
        status: 0,
        code: aborted ? "aborted" : "network",
        message: aborted ? "The request was cancelled." : "Keel could not be reached. Check your connection.",
      },
    };
  }
  let parsed: unknown = null;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    parsed = null;
  }
  if (response.ok) return { ok: true, status: response.status, data: parsed as T };
  if (response.status === 401) for (const listener of unauthenticatedListeners) listener();
  if (isErrorBody(parsed)) {
    const { code, message, field } = parsed.error;
    return {
      ok: false,
      error: {
        status: response.status,
        code,
        message,
        ...(field ? { field } : {}),
        details: parsed.error as Record<string, unknown>,
      },
    };
  }
  return {
    ok: false,
    error: {
      status: response.status,
      code: "http_error",
      message: `The server answered ${response.status}.`,
    },
  };
}

/** A fresh idempotency key, so a retried create is applied once. */
export const newIdempotencyKey = (): string =>
  globalThis.crypto?.randomUUID?.() ?? `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
