import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { AppEnv } from './context.ts';
import { DomainError, errorBody, STATUS_OF } from './errors.ts';

/** PostgreSQL error codes that mean the caller's data clashed, not that we broke. */
function pgCode(err: unknown): { code: string; detail?: string } | undefined {
  for (let e: unknown = err, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return { code, detail: (e as { detail?: string }).detail };
  }
  return undefined;
}

export function onError(err: Error, c: Context<AppEnv>) {
  if (err instanceof DomainError) return c.json(errorBody(err.code, err.message, err.field), STATUS_OF[err.code]);
  if (err instanceof HTTPException) {
    const status = err.status;
    const code = status === 401 ? 'unauthenticated' : status === 403 ? 'forbidden' : status === 404 ? 'not_found' : 'validation_failed';
    return c.json(errorBody(code, err.message || 'bad request'), status >= 500 ? 400 : (status as 400));
  }
  const pg = pgCode(err);
  if (pg?.code === '23505') return c.json(errorBody('conflict', `already exists${pg.detail ? `: ${pg.detail}` : ''}`), 409);
  if (pg?.code === '23503') return c.json(errorBody('unprocessable', 'refers to something that does not exist'), 422);
  if (pg?.code === '23514' || pg?.code === 'P0002') return c.json(errorBody('unprocessable', 'the change breaks a bookkeeping rule'), 422);
  if (pg?.code === 'P0001') return c.json(errorBody('forbidden', 'that record cannot be changed'), 403);
  // A close committed while a document was posting into that month (the journal's trigger): dating it again is the caller's.
  if (pg?.code === '40001') return c.json(errorBody('conflict', 'the books changed meanwhile (a month was closed); try again'), 409);
  // Anything else is our fault: log it whole, tell the caller nothing about internals.
  console.error(JSON.stringify({ level: 'error', path: c.req.path, method: c.req.method, error: String(err).slice(0, 300), cause: String((err as { cause?: unknown }).cause ?? ''), stack: err.stack?.split('\n').slice(0, 8).join('\n') }));
  return c.json(errorBody('internal', 'internal error'), 500);
}
