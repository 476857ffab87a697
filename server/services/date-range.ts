import { ValidationError } from '../../schema/errors.js';

/** `{ $gte, $lte }` for a `<field>From` / `<field>To` pair, refusing a reversed range by the `To` field's name. */
export function dateRange(field: string, from?: string | null, to?: string | null) {
  if (!from && !to) return undefined;
  if (from && to && from > to) throw new ValidationError(`${field}To`, `must not be before ${field.split('.').pop()}From`);
  return { ...(from ? { $gte: from } : {}), ...(to ? { $lte: to } : {}) };
}
