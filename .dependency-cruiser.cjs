/**
 * The layers of ARCHITECTURE.md, enforced (`npm run check:deps`, run by `npm test`'s lint step):
 *
 *   schema  ←  platform  ←  products (import, seed, etl, analytics, server)  ←  composition roots
 *
 * A product reaches another product only through that product's `index.ts`; composition roots
 * (`server/main.ts`, every `*.cli.ts` and `*.bench.ts`) wire products together and nothing
 * imports them. No cycles anywhere.
 */
const PRODUCTS = '(import|seed|etl|analytics|server)';
// server/bench's processes (`*-server.ts`) are roots too; its helpers (targets, the statement relay) are ordinary modules the benches import.
const ROOTS = '(^server/main\\.ts$|\\.cli\\.ts$|\\.bench\\.ts$|^server/bench/[^/]+-server\\.ts$)';

module.exports = {
  forbidden: [
    {
      name: 'no-cycles',
      severity: 'error',
      comment: 'A cycle makes two modules one: split what both need into a lower module.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'schema-is-the-bottom',
      severity: 'error',
      comment: 'schema/ is the domain: it imports no other folder of the project.',
      from: { path: '^schema/' },
      to: { path: '^(platform|import|seed|etl|analytics|server|client|test)/' },
    },
    {
      name: 'platform-below-products',
      severity: 'error',
      comment: 'platform/ is shared infrastructure: it may use schema/, never a product.',
      from: { path: '^platform/' },
      to: { path: `^(${PRODUCTS.slice(1, -1)}|client|test)/` },
    },
    {
      name: 'products-use-each-other-only-through-index',
      severity: 'error',
      comment:
        "A product never imports another product's internals: use its index.ts, or move what both need down to platform/ or schema/.",
      from: { path: `^${PRODUCTS}/`, pathNot: ROOTS },
      to: { path: `^${PRODUCTS}/`, pathNot: [`^$1/`, `^${PRODUCTS}/index\\.ts$`] },
    },
    {
      name: 'nothing-imports-a-composition-root',
      severity: 'error',
      comment: 'Entry points (main, CLIs, benches) wire the products; nothing may depend on them.',
      from: {},
      to: { path: ROOTS },
    },
    {
      name: 'no-test-code-in-products',
      severity: 'error',
      from: { path: '^(schema|platform|import|seed|etl|analytics|server)/' },
      to: { path: '^test/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^node_modules/|^dist/|^client/generated/)' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default'],
      extensions: ['.ts', '.js'],
    },
  },
};
