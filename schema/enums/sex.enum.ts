/** Sex as recorded on the KTP: L (laki-laki, male) or P (perempuan, female). */
export enum Sex {
  L = 'L',
  P = 'P',
}
