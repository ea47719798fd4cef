import {
  apiErrorSchema,
  loginResponseSchema,
  storeSchema,
  type LoginRequest,
  type LoginResponse,
  type Store,
} from '@shopbook/shared';

/** Why a sign-in did not work, in terms the login screen can explain. */
export type LoginFailure =
  | { kind: 'api'; code: string; message: string; field?: string }
  | { kind: 'offline' }
  | { kind: 'network' }
  | { kind: 'unexpected'; status: number };

export type LoginResult = { ok: true; response: LoginResponse } | { ok: false; failure: LoginFailure };

/**
 * POST /api/auth/login. The API answers `{ token, expiresAt, user }` and also sets an
 * httpOnly cookie; the till keeps the token because the cookie cannot be read and the
 * session must survive a reload without the network.
 */
export async function requestLogin(body: LoginRequest, fetchFn: typeof fetch = fetch): Promise<LoginResult> {
  let res: Response;
  try {
    res = await fetchFn('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      credentials: 'same-origin',
      body: JSON.stringify(body),
    });
  } catch {
    // fetch rejects only when no HTTP answer came back at all
    return { ok: false, failure: { kind: typeof navigator !== 'undefined' && !navigator.onLine ? 'offline' : 'network' } };
  }

  const json: unknown = await res.json().catch(() => undefined);
  if (res.ok) {
    const parsed = loginResponseSchema.safeParse(json);
    return parsed.success
      ? { ok: true, response: parsed.data }
      : { ok: false, failure: { kind: 'unexpected', status: res.status } };
  }
  const err = apiErrorSchema.safeParse(json);
  if (!err.success) return { ok: false, failure: { kind: 'unexpected', status: res.status } };
  const { code, message, field } = err.data.error;
  return { ok: false, failure: field ? { kind: 'api', code, message, field } : { kind: 'api', code, message } };
}

/**
 * GET /api/org/stores: the stores this user may see, for the name in the till's header.
 * Best effort: null when offline or on any error; the till works without the name.
 */
export async function fetchStores(token: string, fetchFn: typeof fetch = fetch): Promise<Store[] | null> {
  try {
    const res = await fetchFn('/api/org/stores', {
      headers: { accept: 'application/json', authorization: `Bearer ${token}` },
      credentials: 'same-origin',
    });
    if (!res.ok) return null;
    const json = (await res.json()) as { items?: unknown };
    const parsed = storeSchema.array().safeParse(json.items);
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** POST /api/auth/logout: ends the server session and clears the httpOnly cookie. Best effort. */
export async function requestLogout(token: string, fetchFn: typeof fetch = fetch): Promise<void> {
  try {
    await fetchFn('/api/auth/logout', {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
      credentials: 'same-origin',
    });
  } catch {
    // offline or server gone: the local session is already cleared
  }
}
