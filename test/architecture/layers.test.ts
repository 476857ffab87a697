import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { cruise, type ICruiseResult, type IConfiguration } from 'dependency-cruiser';
import { describe, expect, it } from 'vitest';

/** The rule set CI enforces (`npm run check:deps`), applied here to throw-away trees. */
const ruleSet = createRequire(import.meta.url)(path.resolve('.dependency-cruiser.cjs')) as IConfiguration;

async function violations(files: Record<string, string>): Promise<string[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lindung-layers-'));
  try {
    for (const [file, text] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      fs.writeFileSync(path.join(dir, file), text);
    }
    const { forbidden } = ruleSet;
    const result = await cruise(
      Object.keys(files).map((f) => f.split('/')[0]!),
      {
        baseDir: dir,
        validate: true,
        ruleSet: { forbidden },
        tsPreCompilationDeps: true,
        enhancedResolveOptions: { extensions: ['.ts', '.js'] },
      },
    );
    const output = result.output as ICruiseResult;
    return output.summary.violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe('the layer rule', () => {
  it('accepts imports that point down, and a product using another through its index', async () => {
    expect(
      await violations({
        'schema/claim.ts': 'export const claim = 1;\n',
        'platform/config.ts': "import { claim } from '../schema/claim.ts';\nexport const config = claim;\n",
        'analytics/index.ts': "export { answer } from './metrics/answer.ts';\n",
        'analytics/metrics/answer.ts': "import { config } from '../../platform/config.ts';\nexport const answer = config;\n",
        'server/service.ts': "import { answer } from '../analytics/index.ts';\nexport const served = answer;\n",
        'server/main.ts':
          "import { served } from './service.ts';\nimport { answer } from '../analytics/metrics/answer.ts';\nconsole.log(served, answer);\n",
      }),
    ).toEqual([]);
  });

  it('refuses a backward import, a product reaching into another, a dependency on an entry point, and a cycle', async () => {
    const found = await violations({
      'schema/claim.ts': "import { served } from '../server/service.ts';\nexport const claim = served;\n",
      'platform/config.ts': "import { row } from '../seed/rows.ts';\nexport const config = row;\n",
      'seed/rows.ts': 'export const row = 1;\n',
      'analytics/metrics/answer.ts': 'export const answer = 1;\n',
      'server/service.ts': "import { answer } from '../analytics/metrics/answer.ts';\nexport const served = answer;\n",
      'etl/etl.cli.ts': 'export const cli = 1;\n',
      'etl/job.ts': "import { cli } from './etl.cli.ts';\nimport { b } from './b.ts';\nexport const a = cli + b;\n",
      'etl/b.ts': "import { a } from './job.ts';\nexport const b = () => a;\n",
    });
    expect(found).toEqual(
      expect.arrayContaining([
        'schema-is-the-bottom: schema/claim.ts → server/service.ts',
        'platform-below-products: platform/config.ts → seed/rows.ts',
        'products-use-each-other-only-through-index: server/service.ts → analytics/metrics/answer.ts',
        'nothing-imports-a-composition-root: etl/job.ts → etl/etl.cli.ts',
        expect.stringMatching(/^no-cycles: etl\/(job|b)\.ts → etl\/(job|b)\.ts$/),
      ]),
    );
  });
});
