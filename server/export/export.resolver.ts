import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Authorized, Ctx, Field, Info, Mutation, ObjectType, Resolver, registerEnumType } from 'type-graphql';
import { DateTimeScalar } from '../../schema/scalars/date-time.scalar.js';
import type { RequestContext } from '../context.js';
import { ClaimFilter } from '../inputs/claim.input.js';
import { ContributionFilter } from '../inputs/contribution.input.js';
import { EnrolmentFilter } from '../inputs/enrolment.input.js';
import { WorkerFilter } from '../inputs/worker.input.js';
import { LIST_INPUTS } from '../inputs/list-where.input.js';
import type { OrderInput } from '../read/list-order.js';
import type { ExportKind } from './export-kinds.js';
import { EXPORT_URL_TTL_SECONDS, type ExportTicket } from './export.service.js';

enum ExportFormatValue {
  CSV = 'csv',
  XLSX = 'xlsx',
}
enum ExportLanguageValue {
  ID = 'id',
  EN = 'en',
}
registerEnumType(ExportFormatValue, {
  name: 'ExportFormat',
  description: 'File format of an export.',
  valuesConfig: { CSV: { description: 'UTF-8 CSV with a header row.' }, XLSX: { description: 'An Excel workbook, one sheet.' } },
});
registerEnumType(ExportLanguageValue, {
  name: 'ExportLanguage',
  description: 'Language of the column headers.',
  valuesConfig: { ID: { description: 'Bahasa Indonesia.' }, EN: { description: 'English.' } },
});

@ObjectType('ExportDownload', { description: 'A prepared export: download it from `url` before `expiresAt`.', simpleResolvers: true })
class ExportDownload {
  @Field(() => String, {
    description:
      `Path of the file on this server (GET, no token needed: the link is the credential, for ${EXPORT_URL_TTL_SECONDS / 60} minutes, ` +
      'for the user who asked; a request that does send a bearer token must be that user’s). Resolve it against the API’s origin.',
  })
  url!: string;

  @Field(() => DateTimeScalar, { description: 'When the link stops working.' })
  expiresAt!: Date;

  @Field(() => String, { description: 'Suggested file name, e.g. klaim-2026-12-01.xlsx.' })
  fileName!: string;
}

const FORMAT = { description: 'CSV or XLSX.' };
const LANGUAGE = { defaultValue: ExportLanguageValue.ID, description: 'Language of the headers (default Indonesian).' };
const ROWS =
  'The rows are those the connection with the same filter, where and orderBy pages through, in that order, masked and scoped exactly as it is for you. ' +
  'Recorded in the export log (who, which filter, how many rows).';

/** The four export mutations: each takes its connection's filter, so a screen exports what it shows. */
@Resolver()
export class ExportResolver {
  private create(
    ctx: RequestContext,
    info: GraphQLResolveInfo,
    kind: ExportKind,
    format: string,
    language: string,
    filter: object | null,
    list: { where?: Record<string, unknown> | null; orderBy?: OrderInput[] | null },
  ) {
    return ctx.services.exports.create(info.schema, {
      kind,
      format: format as ExportTicket['format'],
      language: language as ExportTicket['language'],
      filter: filter as Record<string, unknown> | null,
      where: list.where ?? null,
      orderBy: list.orderBy ?? null,
    });
  }

  @Authorized()
  @Mutation(() => ExportDownload, { description: `Exports workers (\`workers(filter:)\`) as CSV or XLSX. ${ROWS}` })
  exportWorkers(
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
    @Arg('format', () => ExportFormatValue, FORMAT) format: string,
    @Arg('language', () => ExportLanguageValue, LANGUAGE) language: string,
    @Arg('filter', () => WorkerFilter, { nullable: true, description: 'As for `workers`.' }) filter?: WorkerFilter | null,
    @Arg('where', () => LIST_INPUTS.workers.where, { nullable: true, description: 'As for `workers`.' })
    where?: Record<string, unknown> | null,
    @Arg('orderBy', () => [LIST_INPUTS.workers.order], { nullable: true, description: 'As for `workers`: the file’s row order.' })
    orderBy?: OrderInput[] | null,
  ): Promise<ExportTicket> {
    return this.create(ctx, info, 'workers', format, language, filter ?? null, { where, orderBy });
  }

  @Authorized()
  @Mutation(() => ExportDownload, { description: `Exports enrolments (\`enrolments(filter:)\`) as CSV or XLSX. ${ROWS}` })
  exportEnrolments(
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
    @Arg('format', () => ExportFormatValue, FORMAT) format: string,
    @Arg('language', () => ExportLanguageValue, LANGUAGE) language: string,
    @Arg('filter', () => EnrolmentFilter, { nullable: true, description: 'As for `enrolments`.' }) filter?: EnrolmentFilter | null,
    @Arg('where', () => LIST_INPUTS.enrolments.where, { nullable: true, description: 'As for `enrolments`.' })
    where?: Record<string, unknown> | null,
    @Arg('orderBy', () => [LIST_INPUTS.enrolments.order], { nullable: true, description: 'As for `enrolments`: the file’s row order.' })
    orderBy?: OrderInput[] | null,
  ): Promise<ExportTicket> {
    return this.create(ctx, info, 'enrolments', format, language, filter ?? null, { where, orderBy });
  }

  @Authorized()
  @Mutation(() => ExportDownload, { description: `Exports contributions (\`contributions(filter:)\`) as CSV or XLSX. ${ROWS}` })
  exportContributions(
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
    @Arg('format', () => ExportFormatValue, FORMAT) format: string,
    @Arg('language', () => ExportLanguageValue, LANGUAGE) language: string,
    @Arg('filter', () => ContributionFilter, { nullable: true, description: 'As for `contributions`.' })
    filter?: ContributionFilter | null,
    @Arg('where', () => LIST_INPUTS.contributions.where, { nullable: true, description: 'As for `contributions`.' })
    where?: Record<string, unknown> | null,
    @Arg('orderBy', () => [LIST_INPUTS.contributions.order], {
      nullable: true,
      description: 'As for `contributions`: the file’s row order.',
    })
    orderBy?: OrderInput[] | null,
  ): Promise<ExportTicket> {
    return this.create(ctx, info, 'contributions', format, language, filter ?? null, { where, orderBy });
  }

  @Authorized()
  @Mutation(() => ExportDownload, { description: `Exports claims (\`claims(filter:)\`) as CSV or XLSX. ${ROWS}` })
  exportClaims(
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
    @Arg('format', () => ExportFormatValue, FORMAT) format: string,
    @Arg('language', () => ExportLanguageValue, LANGUAGE) language: string,
    @Arg('filter', () => ClaimFilter, { nullable: true, description: 'As for `claims`.' }) filter?: ClaimFilter | null,
    @Arg('where', () => LIST_INPUTS.claims.where, { nullable: true, description: 'As for `claims`.' })
    where?: Record<string, unknown> | null,
    @Arg('orderBy', () => [LIST_INPUTS.claims.order], { nullable: true, description: 'As for `claims`: the file’s row order.' })
    orderBy?: OrderInput[] | null,
  ): Promise<ExportTicket> {
    return this.create(ctx, info, 'claims', format, language, filter ?? null, { where, orderBy });
  }
}
