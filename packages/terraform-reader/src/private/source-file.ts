import { readFileSync } from 'fs';
import { parse } from '@cdktf/hcl2json';
import { outlineHcl, OutlineNode } from './hcl-outline';
import { outlineJson } from './json-outline';
import { SourcePosition, TerraformBlock, UnreadableFile } from '../terraform-block';

type PlainMap = { [key: string]: any };

/** One parsed `.tf`, `.tf.json` or `.tfvars` file. */
export interface ParsedFile {
  readonly body: PlainMap;
  /** Top-level blocks with their positions (resource, data, module, variable, locals, output…). */
  readonly blocks: TerraformBlock[];
}

/** hcl2json reports HCL diagnostics as `parse config: [<file>:<line>,<column>-<line>,<column>: <summary>; <detail>]`. */
const HCL_DIAGNOSTIC = /:(\d+),\d+(?:-\d+(?:,\d+)?)?: ([^\]]*)/;

/** Kinds whose blocks have a type label and a name label. */
const TWO_LABELS = new Set(['resource', 'data']);

/** Parses a file by its extension: JSON syntax for `.json`, HCL otherwise. */
export async function parseSourceFile(file: string, modulePath: string): Promise<ParsedFile | UnreadableFile> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    return { file, reason: `cannot be read (${(e as Error).message})` };
  }
  return file.endsWith('.json') ? parseJson(file, text, modulePath) : parseHcl(file, text, modulePath);
}

async function parseHcl(file: string, text: string, modulePath: string): Promise<ParsedFile | UnreadableFile> {
  let body: PlainMap;
  try {
    body = await parse(file, text);
  } catch (e) {
    const message = String((e as Error)?.message ?? e);
    const m = HCL_DIAGNOSTIC.exec(message);
    return { file, line: m ? Number(m[1]) : undefined, reason: `${(m ? m[2] : message).trim()} (valid HCL, as terraform validate accepts it)` };
  }
  const blocks: TerraformBlock[] = [];
  const seen = new Map<string, number>();
  for (const node of outlineHcl(text)) {
    if (node.kind !== 'block') continue;
    const labels = TWO_LABELS.has(node.name) ? node.labels.slice(0, 2) : node.labels.slice(0, 1);
    const [type, name] = TWO_LABELS.has(node.name) ? labels : ['', labels[0] ?? ''];
    // hcl2json groups repeated blocks (two `locals`, two `terraform`) in lists, in file order.
    const key = [node.name, ...labels].join('\0');
    const index = seen.get(key) ?? 0;
    seen.set(key, index + 1);
    const bodyOf = labels.reduce<unknown>((v, label) => (v as PlainMap | undefined)?.[label], body[node.name]);
    const blockBody = Array.isArray(bodyOf) ? bodyOf[index] : bodyOf;
    if (blockBody === undefined) continue;
    const attributes: { [path: string]: SourcePosition } = {};
    collectPositions(node.children, '', attributes);
    blocks.push({
      kind: node.name,
      type: type ?? '',
      name: name ?? '',
      address: address(node.name, type ?? '', name ?? ''),
      modulePath,
      body: blockBody,
      file,
      line: node.line,
      comments: node.comments,
      attributes,
    });
  }
  addUnplaced(body, blocks, file, modulePath);
  return { body, blocks };
}

/**
 * Blocks hcl2json returns that the outline did not place (source it cannot follow) are kept,
 * at line 1 of their file, so reading never loses a block.
 */
function addUnplaced(body: PlainMap, blocks: TerraformBlock[], file: string, modulePath: string): void {
  for (const kind of TWO_LABELS) {
    for (const [type, byName] of Object.entries((body[kind] ?? {}) as PlainMap)) {
      for (const [name, bodies] of Object.entries((byName ?? {}) as PlainMap)) {
        const list = Array.isArray(bodies) ? bodies : [bodies];
        const placed = blocks.filter((b) => b.kind === kind && b.type === type && b.name === name).length;
        for (const item of list.slice(placed)) {
          blocks.push({ kind, type, name, address: address(kind, type, name), modulePath, body: item, file, line: 1, comments: [], attributes: {} });
        }
      }
    }
  }
}

function collectPositions(nodes: OutlineNode[], prefix: string, into: { [path: string]: SourcePosition }): void {
  const counts = new Map<string, number>();
  for (const node of nodes) {
    const name = [node.name, ...node.labels].join('.');
    const position = { line: node.line, comments: node.comments };
    if (node.kind === 'attribute') {
      into[`${prefix}${name}`] = position;
      continue;
    }
    const index = counts.get(name) ?? 0;
    counts.set(name, index + 1);
    const paths = index === 0 ? [`${prefix}${name}`, `${prefix}${name}[0]`] : [`${prefix}${name}[${index}]`];
    for (const path of paths) {
      into[path] = position;
      collectPositions(node.children, `${path}.`, into);
    }
  }
}

function parseJson(file: string, text: string, modulePath: string): ParsedFile | UnreadableFile {
  let body: PlainMap;
  try {
    body = JSON.parse(text);
  } catch (e) {
    const message = (e as Error).message;
    const at = /position (\d+)/.exec(message);
    const line = at ? text.slice(0, Number(at[1])).split('\n').length : undefined;
    return { file, line, reason: `${message} (not valid JSON)` };
  }
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return { file, line: 1, reason: 'is not a JSON object (Terraform JSON syntax has an object at the top)' };
  const lines = outlineJson(text);
  const blocks: TerraformBlock[] = [];
  for (const [kind, section] of Object.entries(body)) {
    if (section === null || typeof section !== 'object') continue;
    const entries: Array<[string, string, string[], unknown]> = [];
    if (TWO_LABELS.has(kind)) {
      for (const [type, byName] of Object.entries(section as PlainMap)) {
        for (const [name, value] of Object.entries((byName ?? {}) as PlainMap)) entries.push([type, name, [kind, type, name], value]);
      }
    } else if (kind === 'locals' || kind === 'terraform') {
      entries.push(['', '', [kind], section]);
    } else {
      for (const [name, value] of Object.entries(section as PlainMap)) entries.push(['', name, [kind, name], value]);
    }
    for (const [type, name, path, value] of entries) {
      for (const [index, item] of (Array.isArray(value) ? value : [value]).entries()) {
        const prefix = Array.isArray(value) ? `${path.join('.')}[${index}]` : path.join('.');
        const attributes: { [p: string]: SourcePosition } = {};
        for (const [p, line] of lines) {
          if (!p.startsWith(`${prefix}.`) && !p.startsWith(`${prefix}[`)) continue;
          const rest = p.slice(prefix.length).replace(/^\./, '');
          attributes[rest] = { line, comments: [] };
          // Nested blocks synthesize as one object or a list: reach the first without `[0]`.
          if (rest.includes('[0]')) attributes[rest.replace(/\[0\]/g, '')] ??= { line, comments: [] };
        }
        blocks.push({
          kind,
          type,
          name,
          address: address(kind, type, name),
          modulePath,
          body: item,
          file,
          line: lines.get(prefix) ?? lines.get(path.join('.')) ?? 1,
          // CDKTF writes no comments; its construct path is the closest thing to one.
          comments: typeof (item as PlainMap)?.['//']?.metadata?.path === 'string' ? [`construct ${(item as PlainMap)['//'].metadata.path}`] : [],
          attributes,
        });
      }
    }
  }
  return { body, blocks };
}

function address(kind: string, type: string, name: string): string {
  if (kind === 'resource') return `${type}.${name}`;
  if (kind === 'data') return `data.${type}.${name}`;
  return name ? `${kind}.${name}` : kind;
}

/** True when the parse failed. */
export function isUnreadable(result: ParsedFile | UnreadableFile): result is UnreadableFile {
  return 'reason' in result;
}
