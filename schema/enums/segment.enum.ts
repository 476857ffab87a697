/**
 * BPJS Ketenagakerjaan membership segment.
 * PU (Penerima Upah) members are wage earners enrolled by an employer; BPU (Bukan Penerima
 * Upah) members are informal workers who pay, or are sponsored, per month.
 */
export enum Segment {
  PU = 'PU',
  BPU = 'BPU',
}
