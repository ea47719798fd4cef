import { setupStatusSchema } from '@shopbook/shared';
import { describe, expect, it, vi } from 'vitest';
import { ApiRequestError, createApiClient, filenameOf, withQuery } from './client.ts';

function jsonResponse(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

async function caught(promise: Promise<unknown>): Promise<ApiRequestError> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof ApiRequestError) return err;
    throw err;
  }
  throw new Error('expected the call to fail');
}

describe('api client', () => {
  it('sends same-origin JSON requests and returns the parsed body', async () => {
    const fetch = vi.fn(async () => jsonResponse(200, { required: true }));
    const api = createApiClient({ fetch });
    await expect(api.get('/api/setup/status', setupStatusSchema)).resolves.toEqual({ required: true });

    const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/setup/status');
    expect(init.credentials).toBe('same-origin');
    expect(init.method).toBe('GET');
  });

  it('serialises a POST body as JSON', async () => {
    const fetch = vi.fn(async () => new Response(null, { status: 204 }));
    const api = createApiClient({ fetch });
    await api.post('/api/auth/login', { username: 'owner', password: 'x' });
    const [, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(init.body).toBe('{"username":"owner","password":"x"}');
    expect((init.headers as Record<string, string>)['Content-Type']).toBe('application/json');
  });

  it("maps the API's error JSON to status, code, message and field", async () => {
    const fetch = vi.fn(async () =>
      jsonResponse(422, { error: { code: 'validation_failed', message: 'store codes must be unique', field: 'stores.1.code' } }),
    );
    const err = await caught(createApiClient({ fetch }).post('/api/setup', {}));
    expect(err).toBeInstanceOf(ApiRequestError);
    expect(err.status).toBe(422);
    expect(err.code).toBe('validation_failed');
    expect(err.message).toBe('store codes must be unique');
    expect(err.field).toBe('stores.1.code');
  });

  it('keeps field undefined when the API names none', async () => {
    const fetch = vi.fn(async () => jsonResponse(409, { error: { code: 'setup_done', message: 'already set up' } }));
    const err = await caught(createApiClient({ fetch }).post('/api/setup', {}));
    expect(err.code).toBe('setup_done');
    expect(err.field).toBeUndefined();
  });

  it('falls back to the HTTP status when the body is not the error shape', async () => {
    const fetch = vi.fn(async () => new Response('<html>Bad gateway</html>', { status: 502, statusText: 'Bad Gateway' }));
    const err = await caught(createApiClient({ fetch }).get('/api/dashboard/summary'));
    expect(err.status).toBe(502);
    expect(err.code).toBe('http_502');
    expect(err.message).toBe('Bad Gateway');
  });

  it('reports a failed connection as a network error with status 0', async () => {
    const fetch = vi.fn(async () => {
      throw new TypeError('Failed to fetch');
    });
    const err = await caught(createApiClient({ fetch }).get('/api/auth/me'));
    expect(err.status).toBe(0);
    expect(err.code).toBe('network');
  });

  it('calls the unauthenticated handler on a 401', async () => {
    const onUnauthenticated = vi.fn();
    const fetch = vi.fn(async () => jsonResponse(401, { error: { code: 'unauthenticated', message: 'sign in first' } }));
    const err = await caught(createApiClient({ fetch, onUnauthenticated }).get('/api/audit'));
    expect(err.status).toBe(401);
    expect(onUnauthenticated).toHaveBeenCalledOnce();
  });

  it('does not redirect when the caller expects a 401 (login, who-am-I)', async () => {
    const onUnauthenticated = vi.fn();
    const fetch = vi.fn(async () =>
      jsonResponse(401, { error: { code: 'unauthenticated', message: 'wrong username or password' } }),
    );
    const err = await caught(
      createApiClient({ fetch, onUnauthenticated }).post('/api/auth/login', {}, undefined, { expectUnauthenticated: true }),
    );
    expect(err.message).toBe('wrong username or password');
    expect(onUnauthenticated).not.toHaveBeenCalled();
  });

  it('does not redirect on a 403', async () => {
    const onUnauthenticated = vi.fn();
    const fetch = vi.fn(async () => jsonResponse(403, { error: { code: 'forbidden', message: 'needs audit.read' } }));
    const err = await caught(createApiClient({ fetch, onUnauthenticated }).get('/api/audit'));
    expect(err.code).toBe('forbidden');
    expect(onUnauthenticated).not.toHaveBeenCalled();
  });

  it('rejects a 2xx body that does not match the schema', async () => {
    const fetch = vi.fn(async () => jsonResponse(200, { required: 'yes' }));
    const err = await caught(createApiClient({ fetch }).get('/api/setup/status', setupStatusSchema));
    expect(err.code).toBe('bad_response');
  });
});

describe('api client: other verbs and bodies', () => {
  it('sends PUT with a JSON body', async () => {
    const fetch = vi.fn(async () => jsonResponse(200, { ok: true }));
    await createApiClient({ fetch }).put('/api/catalogue/products/1', { name: 'x' });
    const [, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(init.method).toBe('PUT');
    expect(init.body).toBe('{"name":"x"}');
  });

  it('sends a raw body with its own content type (a CSV file)', async () => {
    const fetch = vi.fn(async () => jsonResponse(200, { rows: 1 }));
    await createApiClient({ fetch }).post('/api/catalogue/products/import', undefined, undefined, {
      query: { dryRun: true },
      raw: { content: 'sku,name\nA,B\n', contentType: 'text/csv' },
    });
    const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/catalogue/products/import?dryRun=true');
    expect(init.body).toBe('sku,name\nA,B\n');
    expect((init.headers as Record<string, string>)['Content-Type']).toBe('text/csv');
  });

  it('downloads a file with the name the API suggests, and fails like any call', async () => {
    const fetch = vi.fn(
      async () => new Response('sku,name\n', { status: 200, headers: { 'Content-Disposition': 'attachment; filename="products.csv"' } }),
    );
    const file = await createApiClient({ fetch }).download('/api/catalogue/products/export');
    expect(file.filename).toBe('products.csv');
    expect(await file.blob.text()).toBe('sku,name\n');

    const refused = vi.fn(async () => jsonResponse(403, { error: { code: 'forbidden', message: 'needs catalogue.read' } }));
    const err = await caught(createApiClient({ fetch: refused }).download('/api/catalogue/products/export'));
    expect(err.code).toBe('forbidden');
  });

  it('reads file names from Content-Disposition', () => {
    expect(filenameOf(null)).toBeNull();
    expect(filenameOf('attachment; filename=products.csv')).toBe('products.csv');
    expect(filenameOf("attachment; filename*=UTF-8''%E5%95%86%E5%93%81.csv")).toBe('商品.csv');
  });
});

describe('withQuery', () => {
  it('leaves out empty values and encodes the rest', () => {
    expect(withQuery('/api/audit', { entity: 'product', action: '', from: undefined, page: 2, q: 'a b' })).toBe(
      '/api/audit?entity=product&page=2&q=a+b',
    );
    expect(withQuery('/api/audit', {})).toBe('/api/audit');
  });
});
