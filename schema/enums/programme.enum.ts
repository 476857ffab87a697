import { registerEnumType } from 'type-graphql';

/** The five BPJS Ketenagakerjaan benefit programmes. */
export enum Programme {
  /** Jaminan Kecelakaan Kerja: work-accident care and compensation. */
  JKK = 'JKK',
  /** Jaminan Kematian: death benefit to heirs. */
  JKM = 'JKM',
  /** Jaminan Hari Tua: old-age savings paid as a lump sum. */
  JHT = 'JHT',
  /** Jaminan Pensiun: pension. */
  JP = 'JP',
  /** Jaminan Kehilangan Pekerjaan: job-loss benefit, claimable from February 2022. */
  JKP = 'JKP',
}

/** BPU members cannot join JP, and JKP needs an employer (FACTS.md, programme rules). */
export const PROGRAMMES_CLOSED_TO_BPU: readonly Programme[] = [Programme.JP, Programme.JKP];

/** First day a JKP claim can exist. */
export const JKP_FIRST_CLAIM_DATE = '2022-02-01';

registerEnumType(Programme, {
  name: 'Programme',
  description: 'The five BPJS Ketenagakerjaan benefit programmes.',
  valuesConfig: {
    JKK: { description: 'Jaminan Kecelakaan Kerja: work-accident care and compensation.' },
    JKM: { description: 'Jaminan Kematian: death benefit to heirs.' },
    JHT: { description: 'Jaminan Hari Tua: old-age savings paid as a lump sum.' },
    JP: { description: 'Jaminan Pensiun: pension (wage earners only).' },
    JKP: { description: 'Jaminan Kehilangan Pekerjaan: job-loss benefit (wage earners only), claimable from February 2022.' },
  },
});
