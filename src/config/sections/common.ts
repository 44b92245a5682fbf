/** Building blocks shared by the config sections. */
import { z } from 'zod';

export const duration = z
  .string()
  .regex(/^\d+(ms|s|m|h|d)$/, 'a duration like 30s, 5m, 2h or 1d');
