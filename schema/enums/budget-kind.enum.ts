/** ORIGINAL is the adopted APBD; REVISED (APBD-Perubahan) replaces it for that sponsor and year. */
export enum BudgetKind {
  ORIGINAL = 'ORIGINAL',
  REVISED = 'REVISED',
}
