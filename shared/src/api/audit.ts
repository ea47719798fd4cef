import { z } from 'zod';

export const auditEntrySchema = z.object({
  id: z.string(),
  at: z.string(),
  userId: z.string().nullable(),
  username: z.string().nullable(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

export const auditQuerySchema = z.object({
  entity: z.string().max(64).optional(),
  action: z.string().max(64).optional(),
  userId: z.uuid({ message: 'userId must be a uuid' }).optional(),
  from: z.iso.date({ message: 'from must be a date YYYY-MM-DD' }).optional(),
  to: z.iso.date({ message: 'to must be a date YYYY-MM-DD' }).optional(),
  page: z.coerce.number().int().min(1, 'page starts at 1').default(1),
  pageSize: z.coerce.number().int().min(1).max(200, 'pageSize is at most 200').default(50),
});

export const auditPageSchema = z.object({ items: z.array(auditEntrySchema), total: z.number().int() });
export type AuditPage = z.infer<typeof auditPageSchema>;
