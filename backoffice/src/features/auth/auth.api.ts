import { loginResponseSchema, meResponseSchema, type LoginRequest } from '@shopbook/shared';
import { api } from '../../api/client.ts';

// The API sets an httpOnly session cookie at login; the bearer token in the body is for
// devices and scripts, so the browser ignores it and never stores it where scripts can read it.
export const authApi = {
  login: (input: LoginRequest) =>
    api.post('/api/auth/login', input, loginResponseSchema, { expectUnauthenticated: true }),
  me: () => api.get('/api/auth/me', meResponseSchema, { expectUnauthenticated: true }),
  logout: () => api.post('/api/auth/logout', {}, undefined, { expectUnauthenticated: true }),
};
