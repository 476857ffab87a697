import { createHmac, createHash } from 'node:crypto';

/**
 * The worker key: HMAC-SHA256(secret, NIK) as 64 hex digits. It is stable for as long as the
 * secret is, so analysts can count distinct workers across years, and without the secret it
 * cannot be reversed by hashing every possible NIK (a plain hash could: NIKs are only 16
 * digits with a known structure).
 *
 * PostgreSQL computes it with core `sha256()` (pgcrypto is not needed), so the NIK never
 * leaves the database. The key pads travel as session settings set through a bind parameter
 * before the snapshot starts, not inlined in the COPY text, so they stay out of
 * pg_stat_activity and statement logs.
 */

const BLOCK = 64;
export const IPAD_SETTING = 'lindung.etl_worker_key_ipad';
export const OPAD_SETTING = 'lindung.etl_worker_key_opad';

export function hmacPads(secret: string): { ipad: string; opad: string } {
  let key = Buffer.from(secret, 'utf8');
  if (key.length > BLOCK) key = createHash('sha256').update(key).digest();
  const padded = Buffer.alloc(BLOCK);
  key.copy(padded);
  const ipad = Buffer.alloc(BLOCK);
  const opad = Buffer.alloc(BLOCK);
  for (let i = 0; i < BLOCK; i++) {
    ipad[i] = padded[i]! ^ 0x36;
    opad[i] = padded[i]! ^ 0x5c;
  }
  return { ipad: ipad.toString('hex'), opad: opad.toString('hex') };
}

/** SQL for the key of the NIK in `column`; its FROM must include WORKER_KEY_PADS. */
export function WORKER_KEY_SQL(column: string): string {
  return `encode(sha256(worker_key_pads.opad || sha256(worker_key_pads.ipad || convert_to(${column}, 'UTF8'))), 'hex')`;
}

/** The pads decoded once per statement rather than once per row (a quarter faster). */
export const WORKER_KEY_PADS = `(select decode(current_setting('${OPAD_SETTING}'), 'hex') as opad,
  decode(current_setting('${IPAD_SETTING}'), 'hex') as ipad) as worker_key_pads`;

/** The same key computed in Node, for tests and for anyone joining an extract they hold. */
export function workerKey(secret: string, nik: string): string {
  return createHmac('sha256', secret).update(nik, 'utf8').digest('hex');
}
