import type { Principal } from './roles.js';

/**
 * Tokens already verified, until they expire: a client sends the same token with every request,
 * and checking its signature and looking up its scopes each time is work with one answer. Bounded
 * (the oldest entry goes first), so a flood of distinct tokens costs memory only up to the bound;
 * a failed check is never kept. A token stays valid until its `exp` whether cached or not, so
 * caching changes no answer.
 */
export class VerifiedTokens {
  private readonly entries = new Map<string, { user: Principal; expiresAt: number }>();

  constructor(private readonly max: number) {}

  get(token: string): Principal | undefined {
    const entry = this.entries.get(token);
    if (!entry) return undefined;
    if (Date.now() >= entry.expiresAt) {
      this.entries.delete(token);
      return undefined;
    }
    return entry.user;
  }

  set(token: string, user: Principal, expiresAt: number): void {
    if (this.max <= 0 || Date.now() >= expiresAt) return;
    if (this.entries.size >= this.max) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(token, { user, expiresAt });
  }
}
