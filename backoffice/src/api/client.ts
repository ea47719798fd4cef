import { ApiRequestError, errorFromResponse } from './errors.ts';

export { ApiRequestError, asApiError } from './errors.ts';

/** Anything with a zod-like `parse`; the shared wire schemas fit. */
export interface ResponseSchema<T> {
  parse(data: unknown): T;
}

export interface RequestOptions {
  /** Query parameters; undefined, null and '' are left out. */
  query?: Record<string, string | number | boolean | null | undefined>;
  /** JSON body. */
  body?: unknown;
  /** A body sent as it is (a CSV file), with its content type; wins over `body`. */
  raw?: { content: string; contentType: string };
  /**
   * A 401 normally means the session ended and sends the user to the login page. Calls
   * that expect a 401 as an ordinary answer (who am I, the login itself) opt out.
   */
  expectUnauthenticated?: boolean;
  signal?: AbortSignal;
}

export interface ApiClientOptions {
  fetch?: typeof fetch;
  /** Called on a 401 unless the request opted out; the app routes to the login page. */
  onUnauthenticated?: () => void;
}

export type ApiClient = ReturnType<typeof createApiClient>;

export function createApiClient(options: ApiClientOptions = {}) {
  let onUnauthenticated = options.onUnauthenticated;

  /** Sends the request; a non-2xx answer becomes an ApiRequestError. */
  async function send(method: string, path: string, opts: RequestOptions, accept: string): Promise<Response> {
    const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
    const headers: Record<string, string> = { Accept: accept };
    let body: string | undefined;
    if (opts.raw) {
      headers['Content-Type'] = opts.raw.contentType;
      body = opts.raw.content;
    } else if (opts.body !== undefined) {
      headers['Content-Type'] = 'application/json';
      body = JSON.stringify(opts.body);
    }

    let res: Response;
    try {
      res = await doFetch(withQuery(path, opts.query), {
        method,
        headers,
        // The session lives in an httpOnly cookie that the API sets at login.
        credentials: 'same-origin',
        body,
        signal: opts.signal,
      });
    } catch (err) {
      if (err instanceof DOMException && err.name === 'AbortError') throw err;
      throw new ApiRequestError(0, 'network', err instanceof Error ? err.message : String(err));
    }

    if (!res.ok) {
      const error = await errorFromResponse(res);
      if (res.status === 401 && !opts.expectUnauthenticated) onUnauthenticated?.();
      throw error;
    }
    return res;
  }

  async function request<T>(
    method: string,
    path: string,
    schema: ResponseSchema<T> | undefined,
    opts: RequestOptions = {},
  ): Promise<T> {
    const res = await send(method, path, opts, 'application/json');
    if (res.status === 204) return undefined as T;

    let data: unknown;
    try {
      data = await res.json();
    } catch {
      throw new ApiRequestError(res.status, 'bad_response', 'response is not JSON');
    }
    if (!schema) return data as T;
    try {
      return schema.parse(data);
    } catch (err) {
      throw new ApiRequestError(res.status, 'bad_response', err instanceof Error ? err.message : String(err));
    }
  }

  return {
    get: <T>(path: string, schema?: ResponseSchema<T>, opts?: Omit<RequestOptions, 'body'>) =>
      request<T>('GET', path, schema, opts),
    post: <T>(path: string, body: unknown, schema?: ResponseSchema<T>, opts?: RequestOptions) =>
      request<T>('POST', path, schema, { ...opts, body }),
    put: <T>(path: string, body: unknown, schema?: ResponseSchema<T>, opts?: RequestOptions) =>
      request<T>('PUT', path, schema, { ...opts, body }),
    delete: <T = void>(path: string, schema?: ResponseSchema<T>, opts?: Omit<RequestOptions, 'body'>) =>
      request<T>('DELETE', path, schema, opts),
    /** A file to save (an export): the body as a Blob, and the file name the API suggests. */
    async download(path: string, opts?: Omit<RequestOptions, 'body' | 'raw'>): Promise<{ blob: Blob; filename: string | null }> {
      const res = await send('GET', path, opts ?? {}, '*/*');
      return { blob: await res.blob(), filename: filenameOf(res.headers.get('Content-Disposition')) };
    },
    setOnUnauthenticated(handler: (() => void) | undefined) {
      onUnauthenticated = handler;
    },
  };
}

export function withQuery(path: string, query: RequestOptions['query']): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}${path.includes('?') ? '&' : '?'}${qs}` : path;
}

/** `attachment; filename="products.csv"` → `products.csv`; null when there is none. */
export function filenameOf(disposition: string | null): string | null {
  if (!disposition) return null;
  const star = /filename\*=(?:UTF-8'')?([^;]+)/i.exec(disposition);
  if (star?.[1]) {
    try {
      return decodeURIComponent(star[1].trim().replace(/^"|"$/g, ''));
    } catch {
      // fall through to the plain form
    }
  }
  const plain = /filename="?([^";]+)"?/i.exec(disposition);
  return plain?.[1]?.trim() || null;
}

/** The app's one client; main.ts wires its 401 handler to the router. */
export const api = createApiClient();
