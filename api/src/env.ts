import { isAbsolute, resolve } from 'node:path';
import { z } from 'zod';

const flag = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no', 'on', 'off', ''])
  .transform((v) => ['1', 'true', 'yes', 'on'].includes(v));

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATA_DIR: z.string().default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must start with postgres:// or postgresql://')
    .optional(),
  /** Seed the demo company on first start; set DEMO_DATA=0 to get the setup wizard instead. */
  DEMO_DATA: flag.default(true),
  SECURE_COOKIES: flag.default(false),
  TRUST_PROXY: flag.default(false),
});

export type Env = z.infer<typeof envSchema> & { dataDir: string };

/** Parsed once at start; a bad variable stops the server with a message naming it. */
export function loadEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`invalid environment:\n${lines.join('\n')}`);
  }
  // pnpm runs scripts inside the package folder; relative paths mean the caller's folder.
  const base = source.INIT_CWD ?? process.cwd();
  const dir = parsed.data.DATA_DIR;
  const dataDir = dir.startsWith('memory://') || isAbsolute(dir) ? dir : resolve(base, dir);
  return { ...parsed.data, dataDir };
}
