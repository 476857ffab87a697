import { Faker, base, en, id_ID } from '@faker-js/faker';
import { Sex } from '../schema/enums/sex.enum.js';
import type { WorkerPlan } from './plan.types.js';
import { Random } from './random.js';

const IDENTITY_STREAM = 99;
const OTHER_KALTIM_REGENCIES = ['6401', '6403', '6407', '6408', '6471', '6472', '6474'];
// Where migrants to Kukar often come from: Java, South Sulawesi, South Kalimantan, NTB.
const OTHER_PROVINCE_REGENCIES = ['3578', '3507', '3509', '3374', '3201', '7371', '7313', '7302', '6371', '6303', '5271'];
const MOBILE_PREFIXES = ['811', '812', '813', '821', '822', '852', '853', '857', '858', '877', '878', '895', '896'];

export interface Identity {
  nik: string;
  fullName: string;
  phone: string | null;
}

/**
 * Personal data for the demo: Indonesian names from faker's id_ID locale, and NIKs that obey
 * the Kemendagri layout. Most NIKs were issued in the worker's kecamatan, some elsewhere (the prefix is where
 * a NIK was first registered). Used in one walk over the population, so names come from one
 * seeded faker in worker order.
 */
export class IdentityFactory {
  private readonly faker = new Faker({ locale: [id_ID, en, base] });
  private readonly issued = new Set<string>();

  constructor(private readonly seed: number) {
    this.faker.seed(seed);
  }

  create(worker: WorkerPlan): Identity {
    const rng = new Random(this.seed, IDENTITY_STREAM, worker.id);
    const roll = rng.float();
    // Most were issued where the worker lives: the kecamatan code without its dots (64.02.06 → 640206).
    const prefix =
      roll < 0.85
        ? worker.kecamatan.slice(0, 8).replaceAll('.', '')
        : roll < 0.95
          ? `${rng.pick(OTHER_KALTIM_REGENCIES)}${pad(rng.int(1, 10))}`
          : `${rng.pick(OTHER_PROVINCE_REGENCIES)}${pad(rng.int(1, 20))}`;
    const birth = new Date(worker.birth * 86_400_000);
    const day = birth.getUTCDate() + (worker.sex === Sex.P ? 40 : 0);
    const stem = `${prefix}${pad(day)}${pad(birth.getUTCMonth() + 1)}${pad(birth.getUTCFullYear() % 100)}`;
    let serial = rng.int(1, 40);
    while (this.issued.has(`${stem}${String(serial).padStart(4, '0')}`)) serial++;
    const nik = `${stem}${String(serial).padStart(4, '0')}`;
    this.issued.add(nik);

    const sex = worker.sex === Sex.P ? 'female' : 'male';
    const given = this.faker.person.firstName(sex);
    const fullName = rng.chance(0.3) ? given : `${given} ${this.faker.person.lastName(sex)}`;
    const phone = rng.chance(0.75) ? `+62${rng.pick(MOBILE_PREFIXES)}${rng.int(1_000_000, 99_999_999)}` : null;
    return { nik, fullName, phone };
  }
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
