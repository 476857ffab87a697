import { BigIntType } from '@mikro-orm/core';

/** Whole rupiah. A JS bigint end to end: money never passes through a float. */
export type Rupiah = bigint;

/** MikroORM column type for a BIGINT rupiah amount, hydrated as a JS bigint. */
export const rupiahColumn = () => new BigIntType('bigint');
