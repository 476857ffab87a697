export interface KeyClaim {
  key: string;
  line: number;
}

/**
 * Natural keys seen so far in the file, with the line that first used each. Kept in memory:
 * about 80 bytes a key (some 80 MB for a million contributions), where a temporary table
 * made a million-row import twice as slow. Keys must be flat strings (`[...].join()`, not
 * template concatenation), which V8 stores at a third of the size.
 */
export class KeyLedger {
  private readonly firstLine = new Map<string, number>();

  /** For each claim repeating an earlier one, by index in `claims`, the line that came first. */
  claim(claims: readonly KeyClaim[]): Map<number, number> {
    const repeats = new Map<number, number>();
    claims.forEach((c, i) => {
      const earlier = this.firstLine.get(c.key);
      if (earlier === undefined) this.firstLine.set(c.key, c.line);
      else repeats.set(i, earlier);
    });
    return repeats;
  }
}
