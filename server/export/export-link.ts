import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The download URL's token: `<export id>.<expiry, epoch seconds>.<HMAC-SHA256>`, the MAC taken
 * with that export's own key (export_log.url_key) over the id, the requesting subject and the
 * expiry, so none of the three can be changed and no URL can be made without the database row.
 */
export interface ExportLinkClaims {
  id: string;
  subject: string;
  expiresAt: Date;
}

const TOKEN = /^([0-9]{1,18})\.([0-9]{1,12})\.([A-Za-z0-9_-]{43})$/;

function mac(key: Buffer, id: string, subject: string, expires: number): Buffer {
  return createHmac('sha256', key).update(`${id}.${expires}.${subject}`).digest();
}

export function signExportLink(key: Buffer, claims: ExportLinkClaims): string {
  const expires = Math.floor(claims.expiresAt.getTime() / 1000);
  return `${claims.id}.${expires}.${mac(key, claims.id, claims.subject, expires).toString('base64url')}`;
}

/** The export id and expiry a token names, before its MAC is checked (null when it is not a token at all). */
export function parseExportLink(token: string): { id: string; expires: number; mac: Buffer } | null {
  const m = TOKEN.exec(token);
  return m ? { id: m[1]!, expires: Number(m[2]), mac: Buffer.from(m[3]!, 'base64url') } : null;
}

/** True when `token` was signed with `key` for this subject and expiry (compared in constant time). */
export function verifyExportLink(key: Buffer, token: string, subject: string, expiresAt: Date): boolean {
  const parsed = parseExportLink(token);
  if (!parsed) return false;
  const expected = mac(key, parsed.id, subject, Math.floor(expiresAt.getTime() / 1000));
  return parsed.expires === Math.floor(expiresAt.getTime() / 1000) && timingSafeEqual(parsed.mac, expected);
}
