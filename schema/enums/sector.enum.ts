import { registerEnumType } from 'type-graphql';

/** Labour-market sector of a worker; the denominators of coverage ratios are kept per sector. */
export enum Sector {
  FORMAL = 'FORMAL',
  INFORMAL = 'INFORMAL',
}

registerEnumType(Sector, {
  name: 'Sector',
  description: 'Labour-market sector of a worker.',
  valuesConfig: {
    FORMAL: { description: 'Formal (wage-earning) work.' },
    INFORMAL: { description: 'Informal work (the vulnerable workers the regency sponsors).' },
  },
});
