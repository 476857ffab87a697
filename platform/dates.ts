/** Calendar days as `YYYY-MM-DD` strings; "today" is taken in the configured zone (Asia/Makassar). */

/**
 * The programme's clock: Kutai Kartanegara runs on WITA (UTC+8), and "today" there decides
 * PENDING, ACTIVE and LAPSED, the demo's last day and the nightly snapshot's date.
 */
export const PROGRAMME_TIME_ZONE = 'Asia/Makassar';

export function todayIn(timezone: string = PROGRAMME_TIME_ZONE, now = new Date()): string {
  // en-CA formats as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone: timezone }).format(now);
}

export function assertDate(value: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) !== value) {
    throw new RangeError(`not a calendar date (YYYY-MM-DD): ${value}`);
  }
  return value;
}

/** The last day of every month from `from` to `to` (YYYY-MM or YYYY-MM-DD; the day is ignored). */
export function monthEnds(from: string, to: string): string[] {
  const parse = (v: string) => {
    const m = /^(\d{4})-(\d{2})(?:-\d{2})?$/.exec(v);
    if (!m || Number(m[2]) < 1 || Number(m[2]) > 12) throw new RangeError(`not a month (YYYY-MM): ${v}`);
    return Number(m[1]) * 12 + Number(m[2]) - 1;
  };
  const dates: string[] = [];
  for (let i = parse(from); i <= parse(to); i++) {
    dates.push(new Date(Date.UTC(Math.floor(i / 12), (i % 12) + 1, 0)).toISOString().slice(0, 10));
  }
  return dates;
}
