import { z } from 'zod';

/** Every error the API returns has this shape; `field` names the offending input. */
export const apiErrorSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    field: z.string().optional(),
  }),
});
export type ApiError = z.infer<typeof apiErrorSchema>;

export const ERROR_CODES = [
  'validation_failed',
  'unauthenticated',
  'forbidden',
  'not_found',
  'conflict',
  'unprocessable',
  'rate_limited',
  'setup_required',
  'setup_done',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];
