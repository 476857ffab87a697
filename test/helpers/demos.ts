import type { SeedOptions } from '../../seed/seed.service.js';

export type Demo = Pick<SeedOptions, 'seed' | 'scale' | 'today'>;

/**
 * The demos that many test files start from, seeded once per run into templates (global-setup.ts):
 * the API tests' (test/api/api-server.ts) and the warehouse tests' (test/etl/etl.fixture.ts).
 */
export const DEMOS: Demo[] = [
  { seed: 1, scale: 0.01, today: '2026-11-26' },
  { seed: 11, scale: 0.02, today: '2026-11-26' },
];

export const demoKey = (demo: Demo): string => `${demo.seed}:${demo.scale}:${demo.today}`;
