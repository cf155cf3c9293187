import { readFileSync } from 'fs';
import { parseDocument, Tags, YAMLMap, YAMLSeq } from 'yaml';
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

function splitOnce(value: string, separator: string): string[] {
  const i = value.indexOf(separator);
  return i < 0 ? [value] : [value.slice(0, i), value.slice(i + 1)];
}

/**
 * Reads a YAML file that may use CloudFormation short tags (a SAM template, a `serverless.yml`
 * with a `resources` section) into plain data, with intrinsics in their long form (`{ "Ref": "X" }`).
 * @throws MigrationError naming `<file>:<line>` when the YAML does not parse
 */
export function readCloudFormationYaml(file: string): unknown {
  const doc = parseDocument(readFileSync(file, 'utf8'), { customTags: CLOUDFORMATION_TAGS });
  const error = doc.errors[0];
  if (error) {
    // The message goes on with " at line N, column M:" and a code excerpt; the field names the line.
    const reason = error.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
    throw unreadableFile(file, error.linePos?.[0].line, `${reason} (valid YAML)`);
  }
  return doc.toJS({ maxAliasCount: 1000 });
}
