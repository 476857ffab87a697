/** Labour-market sector of a worker; the denominators of coverage ratios are kept per sector. */
export enum Sector {
  FORMAL = 'FORMAL',
  INFORMAL = 'INFORMAL',
}
