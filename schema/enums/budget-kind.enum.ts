import { registerEnumType } from 'type-graphql';

/** ORIGINAL is the adopted APBD; REVISED (APBD-Perubahan) replaces it for that sponsor and year. */
export enum BudgetKind {
  ORIGINAL = 'ORIGINAL',
  REVISED = 'REVISED',
}

registerEnumType(BudgetKind, {
  name: 'BudgetKind',
  description: 'Whether an allocation is the adopted APBD or its amendment.',
  valuesConfig: {
    ORIGINAL: { description: 'The adopted budget (APBD murni).' },
    REVISED: { description: 'The amended budget (APBD-Perubahan); replaces ORIGINAL for that sponsor and year.' },
  },
});
