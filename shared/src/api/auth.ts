import { z } from 'zod';

export const loginRequestSchema = z.object({
  username: z.string().trim().min(1, 'username is required').max(64),
  password: z.string().min(1, 'password is required').max(256),
});
export type LoginRequest = z.infer<typeof loginRequestSchema>;

export const sessionUserSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  roles: z.array(z.string()),
  permissions: z.array(z.string()),
  storeIds: z.array(z.string()),
});
export type SessionUser = z.infer<typeof sessionUserSchema>;

export const loginResponseSchema = z.object({
  token: z.string(),
  expiresAt: z.string(),
  user: sessionUserSchema,
});
export type LoginResponse = z.infer<typeof loginResponseSchema>;

export const meResponseSchema = z.object({ user: sessionUserSchema });

/** Password rule for accounts created in the back office and the setup wizard. */
export const newPasswordSchema = z
  .string()
  .min(8, 'password must have at least 8 characters')
  .max(256)
  .refine((p) => /[a-zA-Z]/.test(p) && /[0-9]/.test(p), 'password must mix letters and digits');

export const usernameSchema = z
  .string()
  .trim()
  .min(2, 'username must have at least 2 characters')
  .max(64)
  .regex(/^[a-zA-Z0-9._-]+$/, 'username may use letters, digits, dot, dash and underscore');
