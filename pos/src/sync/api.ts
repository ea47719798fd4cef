import {
  apiErrorSchema,
  printJobResponseSchema,
  tillPrinterListSchema,
  pullPageSchema,
  pushResponseSchema,
  registerDeviceResponseSchema,
  type OutboxEvent,
  type PrintJobRequest,
  type PullEntity,
  type PullPage,
  type PushResult,
  type TillPrinter,
} from '@shopbook/shared';

/**
 * The till's HTTP transport: what goes over the wire and what came back, validated, and
 * nothing else. It knows no Dexie and no outbox states; sync/pull.ts and sync/push.ts map
 * the answers onto the local database.
 *
 * Every failure is a value, never a throw, and says whether it is worth retrying:
 *  - network: no HTTP answer at all (offline, DNS, connection reset, timeout);
 *  - http: an answer with an error status (5xx and 429 retry; 401/403 mean the device
 *    token was revoked; other 4xx mean the request itself is wrong);
 *  - invalid: a 2xx whose body is not what the contract says (a proxy's login page…).
 */
export type TransportFailure =
  | { kind: 'network'; message: string }
  | { kind: 'http'; status: number; code: string; message: string; field?: string }
  | { kind: 'invalid'; status: number; message: string };

export type Result<T> = { ok: true; value: T } | { ok: false; failure: TransportFailure };

/** Whether a failure may go away by itself (so the sender backs off and tries again). */
export function isTransient(f: TransportFailure): boolean {
  if (f.kind === 'network') return true;
  if (f.kind === 'invalid') return true; // a captive portal or proxy page, usually
  return f.status >= 500 || f.status === 429 || f.status === 408;
}

/** 401/403 on a device call: the token was revoked or the device deleted. */
export function isAuthFailure(f: TransportFailure): boolean {
  return f.kind === 'http' && (f.status === 401 || f.status === 403);
}

export function describeFailure(f: TransportFailure): string {
  if (f.kind === 'network') return `network: ${f.message}`;
  if (f.kind === 'invalid') return `unexpected answer (${f.status}): ${f.message}`;
  return `HTTP ${f.status} ${f.code}: ${f.message}`;
}

export interface TransportOptions {
  fetchFn?: typeof fetch;
  /** a request with no answer after this long counts as a network failure */
  timeoutMs?: number;
  baseUrl?: string;
}

/** What request() needs of a zod schema (pos does not depend on zod itself). */
interface Parser<T> {
  safeParse(data: unknown): { success: true; data: T } | { success: false; error: { issues: readonly { message: string }[] } };
}

async function request<T>(
  path: string,
  init: RequestInit,
  schema: Parser<T>,
  { fetchFn = (...a) => fetch(...a), timeoutMs = 30_000, baseUrl = '' }: TransportOptions,
): Promise<Result<T>> {
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), timeoutMs);
  let res: Response;
  try {
    res = await fetchFn(`${baseUrl}${path}`, { ...init, signal: abort.signal, credentials: 'omit' });
  } catch (e) {
    clearTimeout(timer);
    return { ok: false, failure: { kind: 'network', message: e instanceof Error ? e.message : String(e) } };
  }
  let json: unknown;
  try {
    json = await res.json();
  } catch {
    json = undefined;
  } finally {
    clearTimeout(timer);
  }
  if (!res.ok) {
    const err = apiErrorSchema.safeParse(json);
    if (!err.success) return { ok: false, failure: { kind: 'http', status: res.status, code: 'unknown', message: res.statusText } };
    const { code, message, field } = err.data.error;
    return { ok: false, failure: { kind: 'http', status: res.status, code, message, ...(field ? { field } : {}) } };
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) return { ok: false, failure: { kind: 'invalid', status: res.status, message: parsed.error.issues[0]?.message ?? 'bad body' } };
  return { ok: true, value: parsed.data };
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}`, accept: 'application/json' });

/** GET /api/sync/pull/{entity}?since=&limit= with the device token. */
export function fetchPullPage(
  token: string,
  entity: PullEntity,
  since: number,
  limit = 1000,
  options: TransportOptions = {},
): Promise<Result<PullPage>> {
  const qs = new URLSearchParams({ since: String(since), limit: String(limit) });
  return request(`/api/sync/pull/${entity}?${qs}`, { headers: bearer(token) }, pullPageSchema, options);
}

/** POST /api/sync/push { events } with the device token; one result per event. */
export async function postEvents(token: string, events: OutboxEvent[], options: TransportOptions = {}): Promise<Result<PushResult[]>> {
  const res = await request(
    '/api/sync/push',
    { method: 'POST', headers: { ...bearer(token), 'content-type': 'application/json' }, body: JSON.stringify({ events }) },
    pushResponseSchema,
    options,
  );
  return res.ok ? { ok: true, value: res.value.results } : res;
}

export interface RegisteredDevice {
  deviceId: string;
  token: string;
  storeId: string;
  warehouseId: string;
}

/** POST /api/devices/register with a manager's session token (permission pos.device.register). */
export function registerDevice(
  userToken: string,
  body: { name: string; storeId: string; warehouseId?: string },
  options: TransportOptions = {},
): Promise<Result<RegisteredDevice>> {
  return request(
    '/api/devices/register',
    { method: 'POST', headers: { ...bearer(userToken), 'content-type': 'application/json' }, body: JSON.stringify(body) },
    registerDeviceResponseSchema,
    options,
  );
}

/** POST /api/printing/jobs with the device token: the server relays the bytes to a network printer. */
export function postPrintJob(token: string, job: PrintJobRequest, options: TransportOptions = {}): Promise<Result<{ ok: true; bytes: number }>> {
  return request(
    '/api/printing/jobs',
    { method: 'POST', headers: { ...bearer(token), 'content-type': 'application/json' }, body: JSON.stringify(job) },
    printJobResponseSchema,
    options,
  );
}

/** GET /api/printing/till-printers: the network printers set up for this till's store. */
export function fetchTillPrinters(token: string, options: TransportOptions = {}): Promise<Result<{ items: TillPrinter[] }>> {
  return request('/api/printing/till-printers', { headers: bearer(token) }, tillPrinterListSchema, options);
}
