/**
 * The claim number officers quote: `KLM-<year submitted>-<claim id, 8 digits>`, e.g.
 * KLM-2023-00000042. The id makes it unique; the year lets a person place it at a glance.
 * The API and the demo generator both number claims here.
 */
export function claimNumber(submittedYear: number, claimId: number): string {
  return `KLM-${submittedYear}-${String(claimId).padStart(8, '0')}`;
}
