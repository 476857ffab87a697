import { registerEnumType } from 'type-graphql';

/**
 * BPJS Ketenagakerjaan membership segment.
 * PU (Penerima Upah) members are wage earners enrolled by an employer; BPU (Bukan Penerima
 * Upah) members are informal workers who pay, or are sponsored, per month.
 */
export enum Segment {
  PU = 'PU',
  BPU = 'BPU',
}

registerEnumType(Segment, {
  name: 'Segment',
  description: 'BPJS Ketenagakerjaan membership segment.',
  valuesConfig: {
    PU: { description: 'Penerima Upah: wage earner enrolled by an employer; all five programmes.' },
    BPU: { description: 'Bukan Penerima Upah: informal member, self-paid or sponsored; JKK, JKM and JHT only.' },
  },
});
