import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * `npm run codegen`: TypeScript types and typed document nodes for the example operations in
 * client/operations, from the committed schema/schema.graphql (not a running server, so it works
 * offline and in CI). Custom scalars map to their wire forms: money is a string of digits.
 */
const config: CodegenConfig = {
  schema: 'schema/schema.graphql',
  documents: ['client/operations/**/*.graphql'],
  ignoreNoDocuments: false,
  generates: {
    'client/generated/': {
      preset: 'client',
      // The manifest (persisted-documents.json) is what a production server accepts: trusted documents, by sha256 id.
      presetConfig: { fragmentMasking: false, persistedDocuments: { hashAlgorithm: 'sha256' } },
      config: {
        // NodeNext resolution needs explicit extensions on relative imports (NOTES.md).
        importExtension: '.js',
        useTypeImports: true,
        enumsAsTypes: true,
        strictScalars: true,
        scalars: {
          Rupiah: 'string',
          Decimal: 'string',
          Date: 'string',
          DateTime: 'string',
          Month: 'string',
          NIK: 'string',
          JSONObject: 'Record<string, unknown>',
        },
      },
    },
  },
};

export default config;
