import { readFileSync } from 'fs';
import * as jsYaml from 'js-yaml';
import { LineCounter, parseDocument, Tags, visit, YAMLMap, YAMLSeq } from 'yaml';
import { unreadableFile } from '../unreadable-file';

/**
 * CloudFormation's short-form intrinsic functions. `!Ref` and `!Condition` keep their names; the
 * others become `Fn::<Name>`, exactly as in the long (JSON) form.
 * @see https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/intrinsic-function-reference.html
 */
const INTRINSICS = [
  'Ref', 'Condition', 'Base64', 'Cidr', 'FindInMap', 'GetAtt', 'GetAZs', 'ImportValue', 'Join', 'Select', 'Split', 'Sub',
  'Transform', 'And', 'Equals', 'If', 'Not', 'Or', 'ToJsonString', 'Length',
];

function longName(name: string): string {
  return name === 'Ref' || name === 'Condition' ? name : `Fn::${name}`;
}

/**
 * Each short tag in its three YAML forms: scalar (`!Ref X`), sequence (`!Join [",", [...]]`) and
 * mapping (`!Base64 { ... }`). `!GetAtt A.B` is the scalar form of `["A", "B"]`.
 */
export const CLOUDFORMATION_TAGS: Tags = INTRINSICS.flatMap((name) => [
  {
    tag: `!${name}`,
    resolve: (value: string) => ({ [longName(name)]: name === 'GetAtt' ? splitOnce(value, '.') : value }),
  },
  {
    tag: `!${name}`,
    collection: 'seq' as const,
    resolve: (value: YAMLMap.Parsed | YAMLSeq.Parsed) => ({ [longName(name)]: value.toJSON() }),
  },
  {
    tag: `!${name}`,
    collection: 'map' as const,
    resolve: (value: YAMLMap.Parsed | YAMLSeq.Parsed) => ({ [longName(name)]: value.toJSON() }),
  },
]);

/** The same tags for js-yaml, the lenient second reader. */
const JS_YAML_SCHEMA = jsYaml.DEFAULT_SCHEMA.extend(INTRINSICS.flatMap((name) => (['scalar', 'sequence', 'mapping'] as const).map((kind) =>
  new jsYaml.Type(`!${name}`, {
    kind,
    construct: (value: unknown) => ({
      [longName(name)]: name === 'GetAtt' && typeof value === 'string' ? splitOnce(value, '.') : value ?? '',
    }),
  }))));

function splitOnce(value: string, separator: string): string[] {
  const i = value.indexOf(separator);
  return i < 0 ? [value] : [value.slice(0, i), value.slice(i + 1)];
}

/** A YAML file read into plain data, and what the reader noticed on the way. */
export interface YamlContents {
  readonly value: unknown;
  /** `<file>:<line>: ...` findings, e.g. a duplicate key (the last one wins). */
  readonly warnings: string[];
}

/**
 * Reads a YAML file that may use CloudFormation short tags (a SAM template, a `serverless.yml`
 * with a `resources` section) into plain data, with intrinsics in their long form (`{ "Ref": "X" }`).
 *
 * It reads what CloudFormation and the Serverless Framework read: a duplicate key is allowed and
 * the last one wins (with a warning naming its line), and a flow collection (`[...]`, `{...}`) may
 * be indented less than its key, which the strict `yaml` parser rejects and js-yaml accepts.
 *
 * @param shown how to name the file in warnings
 * @throws MigrationError naming `<file>:<line>` when neither reader can parse it
 */
export function readCloudFormationYaml(file: string, shown: (file: string) => string = (f) => f): YamlContents {
  const text = readFileSync(file, 'utf8');
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { customTags: CLOUDFORMATION_TAGS, uniqueKeys: false, lineCounter });
  const error = doc.errors[0];
  if (error) {
    try {
      return { value: jsYaml.load(text, { schema: JS_YAML_SCHEMA, json: true, filename: file }), warnings: [] };
    } catch {
      // Neither reads it: the strict parser's message is the more precise one.
    }
    // The message goes on with " at line N, column M:" and a code excerpt; the field names the line.
    const reason = error.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
    throw unreadableFile(file, error.linePos?.[0].line, `${reason} (valid YAML)`);
  }
  const duplicates: { line: number; text: string }[] = [];
  visit(doc, {
    Map(_, map) {
      const seen = new Set<string>();
      for (const pair of map.items) {
        const key = String((pair.key as { value?: unknown } | null)?.value ?? pair.key);
        if (seen.has(key)) {
          const offset = (pair.key as { range?: [number, number, number] } | null)?.range?.[0];
          const line = offset === undefined ? 0 : lineCounter.linePos(offset).line;
          duplicates.push({ line, text: `${shown(file)}${line ? `:${line}` : ''}: key ${key} is set twice; the last one wins, as in CloudFormation` });
        }
        seen.add(key);
      }
    },
  });
  const warnings = duplicates.sort((a, b) => a.line - b.line).map((d) => d.text);
  return { value: doc.toJS({ maxAliasCount: 1000 }), warnings };
}
