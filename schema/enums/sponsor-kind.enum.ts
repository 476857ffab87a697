import { registerEnumType } from 'type-graphql';

/** Who pays a member's contributions. */
export enum SponsorKind {
  /** The regency budget (APBD), e.g. Pemkab Kutai Kartanegara. */
  REGENCY_BUDGET = 'REGENCY_BUDGET',
  /** A company's CSR programme (Tanggung Jawab Sosial) paying for vulnerable workers. */
  COMPANY_CSR = 'COMPANY_CSR',
  /** An employer paying for its own wage-earning (PU) staff. */
  EMPLOYER = 'EMPLOYER',
  /** The member pays their own contributions ("secara mandiri"). */
  SELF = 'SELF',
}

registerEnumType(SponsorKind, {
  name: 'SponsorKind',
  description: "Who pays a member's contributions.",
  valuesConfig: {
    REGENCY_BUDGET: { description: 'The regency budget (APBD), e.g. Pemkab Kutai Kartanegara.' },
    COMPANY_CSR: { description: "A company's CSR programme paying for vulnerable workers." },
    EMPLOYER: { description: 'An employer paying for its own wage-earning staff.' },
    SELF: { description: 'The member pays their own contributions (mandiri).' },
  },
});
