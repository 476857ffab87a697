import { ValidationError } from '../errors.js';

/**
 * Relay global IDs: base64url of `Type:key` (e.g. `Worker:123`), opaque to clients. The type
 * prefix lets `node(id:)` find the table, and stops an enrolment's id from being passed where
 * a worker's is expected.
 */
export function toGlobalId(type: string, key: string | number): string {
  return Buffer.from(`${type}:${key}`, 'utf8').toString('base64url');
}

export interface GlobalId {
  type: string;
  key: string;
}

export function fromGlobalId(field: string, id: string): GlobalId {
  const text = /^[A-Za-z0-9_=+/-]{1,200}$/.test(id) ? Buffer.from(id, 'base64url').toString('utf8') : '';
  const m = /^([A-Z][A-Za-z]+):(.+)$/.exec(text);
  if (!m) throw new ValidationError(field, 'is not an id issued by this API');
  return { type: m[1]!, key: m[2]! };
}

/** The numeric database key of a global ID that must name a `type`. */
export function numericKey(field: string, id: string, type: string): number {
  const g = fromGlobalId(field, id);
  if (g.type !== type) throw new ValidationError(field, `is the id of a ${g.type}, expected a ${type}`);
  if (!/^[1-9][0-9]{0,15}$/.test(g.key)) throw new ValidationError(field, 'is not an id issued by this API');
  return Number(g.key);
}
