import fs from 'node:fs';
import path from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { instance as graphviz } from '@viz-js/viz';
import { escapeXml as esc } from '../platform/escape-xml.js';
import { type ModelDeclaration, loadModelDeclarations, modelChecks } from './model-tests.js';
import { TABLES } from './tables.js';

/**
 * The warehouse's docs site, rebuilt with every catalogue (dbt docs in spirit): every base table
 * and model with its grain, columns and types, descriptions, declared tests, what it reads and what
 * reads it, its SQL, and the lineage as one SVG graph. One self-contained HTML file (no script, no
 * request), so it opens offline from the warehouse folder and the server can serve it as it is.
 */
export interface DocNode {
  name: string;
  layer: 'source' | 'staging' | 'marts' | string;
  grain: string;
  materialised: boolean;
  sql: string | null;
  columns: Array<{ name: string; type: string; description?: string; tests: string[] }>;
  tests: string[];
  reads: string[];
}

export const DOCS_FILE = 'index.html';

/** The model files in build order and how to tell a materialised one (catalogue.ts decides both). */
export interface ModelSources {
  modelsDir: string;
  files: readonly string[];
  isMaterialised(sql: string): boolean;
}

/** Names a model's SQL reads (`from x`, `join x`), among the names the warehouse knows. */
export function readsOf(sql: string, known: ReadonlySet<string>, self: string): string[] {
  const code = sql.replace(/--.*$/gm, '');
  // A CTE may share a table's name (`with budget_in_force as (…)`): it is not a dependency.
  const ctes = new Set([...code.matchAll(/\b([a-z_][a-z0-9_]*)\s+as\s*\(/gi)].map((m) => m[1]!.toLowerCase()));
  const referenced = [
    ...code.matchAll(/\b(?:from|join)\s+"?([a-z_][a-z0-9_]*)"?/gi),
    ...code.matchAll(/\blatest_snapshot\(\s*'([a-z_][a-z0-9_]*)'\s*\)/gi),
  ].map((m) => m[1]!.toLowerCase());
  return [...new Set(referenced)].filter((name) => known.has(name) && name !== self && !ctes.has(name)).sort();
}

type Types = Map<string, Array<{ name: string; type: string }>>;

async function catalogueColumns(con: DuckDBConnection): Promise<Types> {
  const reader = await con.runAndReadAll(
    `select table_name, column_name, data_type from information_schema.columns where table_schema = 'main' order by table_name, ordinal_position`,
  );
  const types: Types = new Map();
  for (const [table, name, type] of reader.getRows() as Array<[string, string, string]>) {
    if (!types.has(table)) types.set(table, []);
    types.get(table)!.push({ name, type });
  }
  return types;
}

function modelNode(
  file: string,
  models: ModelSources,
  declaration: ModelDeclaration | undefined,
  types: Types,
  known: Set<string>,
): DocNode {
  const name = path.basename(file, '.sql');
  const sql = fs.readFileSync(file, 'utf8');
  const checks = declaration ? modelChecks([declaration]).map((c) => c.name) : [];
  const columnTests = (column: string) =>
    checks.filter((c) => c.startsWith(`${name}.${column}: `)).map((c) => c.slice(name.length + column.length + 3));
  return {
    name,
    layer: path.relative(models.modelsDir, path.dirname(file)) || 'models',
    grain: declaration?.grain ?? /^--\s*\S+:\s*(.*)$/m.exec(sql)?.[1] ?? '',
    materialised: models.isMaterialised(sql),
    sql,
    columns: (types.get(name) ?? []).map((c) => ({
      ...c,
      description: declaration?.columns[c.name]?.description,
      tests: columnTests(c.name),
    })),
    tests: checks.filter((c) => !/^[a-z0-9_]+\.[a-z0-9_]+: /.test(c)).map((c) => c.slice(name.length + 2)),
    reads: readsOf(sql, known, name),
  };
}

/** Every node of the docs: the ETL's base tables, then each model in build order. */
export async function docNodes(con: DuckDBConnection, models: ModelSources): Promise<DocNode[]> {
  const types = await catalogueColumns(con);
  const declarations = new Map(loadModelDeclarations(models.modelsDir).map((d) => [d.model, d]));
  const files = models.files.filter((f) => !f.endsWith('macros.sql'));
  const known = new Set([...TABLES.map((t) => t.name), ...files.map((f) => path.basename(f, '.sql'))]);
  const sources: DocNode[] = TABLES.map((t) => ({
    name: t.name,
    layer: 'source',
    grain: t.grain,
    materialised: false,
    sql: null,
    columns: (types.get(t.name) ?? t.columns.map((c) => ({ name: c.name, type: c.type }))).map((c) => ({ ...c, tests: [] })),
    tests: [],
    reads: [],
  }));
  return [...sources, ...files.map((f) => modelNode(f, models, declarations.get(path.basename(f, '.sql')), types, known))];
}

const LAYER_COLOUR: Record<string, string> = { source: '#e8eef7', staging: '#eef7e8', marts: '#fdf3e1' };

/** The lineage as SVG (Graphviz, compiled to WebAssembly inside its npm package): left to right, linked to each node's section. */
export async function lineageSvg(nodes: readonly DocNode[]): Promise<string> {
  const lines = nodes.map(
    (n) => `"${n.name}" [URL="#${n.name}", tooltip="${n.grain.replace(/"/g, "'")}", fillcolor="${LAYER_COLOUR[n.layer] ?? '#f0f0f0'}"];`,
  );
  const edges = nodes.flatMap((n) => n.reads.map((r) => `"${r}" -> "${n.name}";`));
  const dot = `digraph lineage { rankdir=LR; node [shape=box, style="rounded,filled", fontname="Helvetica", fontsize=10]; ${lines.join(' ')} ${edges.join(' ')} }`;
  const svg = (await graphviz()).renderString(dot, { format: 'svg' });
  return svg.slice(svg.indexOf('<svg'));
}

function nodeSection(n: DocNode, readBy: string[]): string {
  const list = (names: string[]) => (names.length ? names.map((r) => `<a href="#${r}">${esc(r)}</a>`).join(', ') : '—');
  const columns = n.columns
    .map(
      (c) =>
        `<tr><td><code>${esc(c.name)}</code></td><td>${esc(c.type)}</td><td>${esc(c.description ?? '')}</td><td>${esc(c.tests.join('; '))}</td></tr>`,
    )
    .join('');
  return `<section id="${n.name}"><h2>${esc(n.name)} <small>${esc(n.layer)}${n.materialised ? ', materialised' : ''}</small></h2>
<p class="grain">${esc(n.grain)}</p>
<p>Reads: ${list(n.reads)}. Read by: ${list(readBy)}.</p>
<table><thead><tr><th>column</th><th>type</th><th>description</th><th>tests</th></tr></thead><tbody>${columns}</tbody></table>
${n.tests.length ? `<p>Model tests:</p><ul>${n.tests.map((t) => `<li>${esc(t)}</li>`).join('')}</ul>` : ''}
${n.sql ? `<details><summary>SQL</summary><pre>${esc(n.sql)}</pre></details>` : ''}</section>`;
}

const STYLE = `body{font:14px/1.45 system-ui,sans-serif;margin:2rem auto;max-width:70rem;padding:0 1rem;color:#222}
table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #ddd;padding:.25rem .5rem;text-align:left;vertical-align:top}
small{color:#666;font-weight:normal}.grain{font-style:italic}pre{background:#f6f6f6;padding:.75rem;overflow:auto}
.lineage{overflow:auto;border:1px solid #ddd}nav a{margin-right:.5rem}`;

/** The whole page, for the catalogue built from `snapshots`. */
export async function docsPage(nodes: readonly DocNode[], info: { snapshots: string[]; generatedAt: string }): Promise<string> {
  const readBy = (name: string) => nodes.filter((n) => n.reads.includes(name)).map((n) => n.name);
  const range = info.snapshots.length
    ? `${info.snapshots[0]} … ${info.snapshots.at(-1)} (${info.snapshots.length} snapshots)`
    : 'no snapshot yet';
  const nav = ['source', 'staging', 'marts']
    .map(
      (layer) =>
        `<p><b>${layer}</b>: ${nodes
          .filter((n) => n.layer === layer)
          .map((n) => `<a href="#${n.name}">${n.name}</a>`)
          .join(' ')}</p>`,
    )
    .join('');
  const tests = nodes.reduce((sum, n) => sum + n.tests.length + n.columns.reduce((s, c) => s + c.tests.length, 0), 0);
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>lindung warehouse</title><style>${STYLE}</style></head><body>
<h1>lindung warehouse</h1>
<p>Snapshots ${esc(range)}; catalogue built ${esc(info.generatedAt)}. ${nodes.length} tables and models, ${tests} declared tests, all passing when this catalogue was published.</p>
<nav>${nav}</nav>
<h2>Lineage</h2><div class="lineage">${await lineageSvg(nodes)}</div>
${nodes.map((n) => nodeSection(n, readBy(n.name))).join('\n')}
</body></html>`;
}

/** Writes the page beside the catalogue by one rename, so a reader never sees half a page. */
/** The page for a catalogue, written to `file`; installDocs() then renames it into the docs folder. */
export async function writeWarehouseDocs(
  con: DuckDBConnection,
  models: ModelSources,
  file: string,
  info: { snapshots: string[]; generatedAt: string },
): Promise<void> {
  fs.writeFileSync(file, await docsPage(await docNodes(con, models), info));
}

/** One rename, with the catalogue's, so a reader never sees half a page or the docs of another catalogue. */
export function installDocs(prepared: string, docsDir: string): void {
  if (!fs.existsSync(prepared)) return;
  fs.mkdirSync(docsDir, { recursive: true });
  fs.renameSync(prepared, path.join(docsDir, DOCS_FILE));
}
