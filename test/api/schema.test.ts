import fs from 'node:fs';
import { type GraphQLField, type GraphQLSchema, isEnumType, isInputObjectType, isInterfaceType, isObjectType, isScalarType } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildApiSchema, printApiSchema } from '../../server/graphql/schema.js';

const PERSONAL_FIELDS = new Set(['nik', 'fullName', 'birthDate', 'phone', 'membershipNo', 'rejectionReason', 'before', 'after']);

describe('the GraphQL schema', () => {
  let schema: GraphQLSchema;
  beforeAll(async () => {
    schema = await buildApiSchema();
  });

  it('is committed as schema/schema.graphql exactly as the code emits it (run `npm run schema` after changing the API)', () => {
    expect(fs.readFileSync('schema/schema.graphql', 'utf8')).toBe(printApiSchema(schema));
  });

  it('describes every type, field, argument and enum value (frontends read them in the IDE)', () => {
    const missing: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (type.name.startsWith('__') || (isScalarType(type) && ['String', 'Int', 'Float', 'Boolean', 'ID'].includes(type.name))) continue;
      if (!type.description?.trim()) missing.push(type.name);
      if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
        for (const field of Object.values(type.getFields())) {
          if (!field.description?.trim()) missing.push(`${type.name}.${field.name}`);
          for (const arg of 'args' in field ? field.args : [])
            if (!arg.description?.trim()) missing.push(`${type.name}.${field.name}(${arg.name})`);
        }
      }
      if (isEnumType(type))
        for (const value of type.getValues()) if (!value.description?.trim()) missing.push(`${type.name}.${value.name}`);
    }
    expect(missing).toEqual([]);
  });

  it('has the types, enums and scalars frontends build on', () => {
    for (const name of [
      'Region',
      'Worker',
      'Employer',
      'Sponsor',
      'BudgetAllocation',
      'Enrolment',
      'Contribution',
      'Claim',
      'AuditEntry',
    ]) {
      const type = schema.getType(name);
      expect(isObjectType(type) && type.getInterfaces().map((i) => i.name), name).toEqual(['Node']);
    }
    const values = (name: string) => (schema.getType(name) as any).getValues().map((v: any) => v.name);
    expect(values('Programme')).toEqual(['JKK', 'JKM', 'JHT', 'JP', 'JKP']);
    expect(values('Sector')).toEqual(['FORMAL', 'INFORMAL']);
    expect(values('Segment')).toEqual(['PU', 'BPU']);
    expect(values('ClaimStatus')).toEqual(['SUBMITTED', 'VERIFIED', 'APPROVED', 'PAID', 'REJECTED']);
    expect(values('EnrolmentStatus')).toEqual(['PENDING', 'ACTIVE', 'LAPSED', 'TERMINATED']);
    expect(values('Occupation')).toContain('TENAGA_KESEHATAN');
    for (const scalar of ['Rupiah', 'Date', 'DateTime', 'NIK', 'Month']) expect(isScalarType(schema.getType(scalar)), scalar).toBe(true);
    const money = Object.values(schema.getTypeMap()).flatMap((t) =>
      isObjectType(t) || isInputObjectType(t)
        ? Object.values(t.getFields())
            .filter((f) => /(amount|income)$|^(allocated|paid|committed|available|shortfall)$/i.test(f.name))
            .map((f) => ({ f, where: t.name.endsWith('Where') }))
        : [],
    );
    // A list's `where` input holds conditions on money (RupiahFilter), whose operands are Rupiah.
    for (const { f, where } of money) expect(String(f.type).replace(/!/g, ''), f.name).toBe(where ? 'RupiahFilter' : 'Rupiah');
    const rupiahFilter = schema.getType('RupiahFilter');
    expect(isInputObjectType(rupiahFilter) && Object.values(rupiahFilter.getFields()).map((f) => String(f.type))).toContain('Rupiah');
  });

  it('tags every field carrying personal data, so the one masking middleware covers it on every path', () => {
    const untagged: string[] = [];
    let tagged = 0;
    for (const type of Object.values(schema.getTypeMap())) {
      if (!isObjectType(type) || type.name.startsWith('__')) continue;
      for (const field of Object.values(type.getFields()) as GraphQLField<unknown, unknown>[]) {
        if (field.extensions.personalData) tagged++;
        else if (PERSONAL_FIELDS.has(field.name)) untagged.push(`${type.name}.${field.name}`);
      }
    }
    expect(untagged).toEqual([]);
    expect(tagged).toBe(8);
  });
});
