import { registerEnumType } from 'type-graphql';

/** Sex as recorded on the KTP: L (laki-laki, male) or P (perempuan, female). */
export enum Sex {
  L = 'L',
  P = 'P',
}

registerEnumType(Sex, {
  name: 'Sex',
  description: 'Sex as recorded on the KTP.',
  valuesConfig: {
    L: { description: 'Laki-laki (male).' },
    P: { description: 'Perempuan (female).' },
  },
});
