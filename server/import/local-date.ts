/** Kutai Kartanegara runs on WITA (UTC+8): "today" there decides PENDING, ACTIVE and LAPSED. */
const KUKAR_TIME_ZONE = 'Asia/Makassar';

export function todayInKukar(now: Date = new Date()): string {
  // en-CA formats as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone: KUKAR_TIME_ZONE }).format(now);
}
