/**
 * The inputs and outputs tables of a module README, as they must read: one row
 * per variable of variables.tf (name, type, default, description) and one per
 * output of outputs.tf (name, description), in file order. The README test
 * compares the tables a reader sees with these rows, so they cannot drift.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { parseTfFiles } from './root-module';

export interface InputRow {
  readonly name: string;
  readonly type: string;
  /** `required`, or the default as HCL (`null`, `[]`, `"X86_64"`, `256`). */
  readonly default: string;
  readonly description: string;
}

export interface OutputRow {
  readonly name: string;
  readonly description: string;
}

/** Block names in the order the file declares them (hcl2json sorts them). */
function declarationOrder(dir: string, file: string, kind: 'variable' | 'output'): string[] {
  const text = readFileSync(join(dir, file), 'utf8');
  return [...text.matchAll(new RegExp(`^${kind} "([^"]+)"`, 'gm'))].map((m) => m[1]);
}

/**
 * A variable type as the table shows it: whitespace collapsed, and each object
 * type's attribute list elided to `{...}` (the description lists the attributes).
 */
export function tableType(type: string): string {
  let source = type.replace(/^\$\{([\s\S]*)\}$/, '$1');
  let out = '';
  for (let i = source.indexOf('object({'); i >= 0; i = source.indexOf('object({')) {
    let depth = 0;
    let j = i + 'object('.length;
    for (; j < source.length; j++) {
      if (source[j] === '{') depth++;
      if (source[j] === '}' && --depth === 0) break;
    }
    out += `${source.slice(0, i)}object({...}`;
    source = source.slice(j + 1);
  }
  return `${out}${source}`.replace(/\s+/g, ' ').trim();
}

export async function inputRows(dir: string): Promise<InputRow[]> {
  const variables = (await parseTfFiles(dir))['variables.tf'].variable;
  return declarationOrder(dir, 'variables.tf', 'variable').map((name) => {
    const block = variables[name][0];
    return {
      name,
      type: tableType(block.type),
      default: Object.prototype.hasOwnProperty.call(block, 'default') ? JSON.stringify(block.default) : 'required',
      description: block.description,
    };
  });
}

export async function outputRows(dir: string): Promise<OutputRow[]> {
  const outputs = (await parseTfFiles(dir))['outputs.tf'].output;
  return declarationOrder(dir, 'outputs.tf', 'output').map((name) => ({ name, description: outputs[name][0].description }));
}

/** Markdown of a table cell: `<` would start an HTML tag, `|` a new cell. */
function cell(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/\|/g, '\\|');
}

function uncell(text: string): string {
  return text.trim().replace(/\\\|/g, '|').replace(/&lt;/g, '<').replace(/&amp;/g, '&');
}

export function inputsTable(rows: InputRow[]): string {
  return [
    '| Name | Type | Default | Description |',
    '|---|---|---|---|',
    ...rows.map((r) => `| \`${r.name}\` | \`${r.type}\` | ${r.default === 'required' ? 'required' : `\`${r.default}\``} | ${cell(r.description)} |`),
  ].join('\n');
}

export function outputsTable(rows: OutputRow[]): string {
  return ['| Name | Description |', '|---|---|', ...rows.map((r) => `| \`${r.name}\` | ${cell(r.description)} |`)].join('\n');
}

/** The table that follows a `## <heading>` line, as rows of cells (code spans unwrapped). */
export function tableAfter(markdown: string, heading: string): string[][] {
  const lines = markdown.split('\n');
  const start = lines.findIndex((l) => l.trim() === `## ${heading}`);
  if (start < 0) throw new Error(`no "## ${heading}" section`);
  const table: string[] = [];
  for (const line of lines.slice(start + 1)) {
    if (line.startsWith('|')) table.push(line);
    else if (table.length > 0 || line.startsWith('## ')) break;
  }
  return table.slice(2).map((row) => row.trim().replace(/^\||\|$/g, '').split(/(?<!\\)\|/)
    .map((c) => uncell(c).replace(/^`([\s\S]*)`$/, '$1')));
}

/** The README with the table after `## <heading>` replaced. */
export function replaceTable(markdown: string, heading: string, table: string): string {
  const lines = markdown.split('\n');
  const start = lines.findIndex((l) => l.trim() === `## ${heading}`);
  if (start < 0) throw new Error(`no "## ${heading}" section`);
  let first = lines.findIndex((l, i) => i > start && l.startsWith('|'));
  const next = lines.findIndex((l, i) => i > start && l.startsWith('## '));
  if (first < 0 || (next >= 0 && first > next)) first = next < 0 ? lines.length : next;
  let end = first;
  while (end < lines.length && lines[end].startsWith('|')) end++;
  const before = lines.slice(0, first);
  const gap = before[before.length - 1] === '' ? [] : [''];
  const after = lines.slice(end);
  return [...before, ...gap, table, ...(after.length > 0 && after[0] !== '' ? [''] : []), ...after].join('\n');
}
