import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { readCloudFormationYaml } from '../../src/cloudformation/cloudformation-yaml';
import { MigrationError } from '../../src/migration-error';

describe('readCloudFormationYaml', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'ecs-batch-migrate-yaml-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const read = (text: string) => {
    writeFileSync(join(dir, 'template.yaml'), text);
    return readCloudFormationYaml(join(dir, 'template.yaml'), (f) => f.slice(dir.length + 1)).value;
  };
  const warnings = (text: string) => {
    writeFileSync(join(dir, 'template.yaml'), text);
    return readCloudFormationYaml(join(dir, 'template.yaml'), (f) => f.slice(dir.length + 1)).warnings;
  };

  test('short tags become the long form, in scalar, sequence and mapping form', () => {
    expect(read([
      'a: !Ref Table',
      'b: !GetAtt Fn.Arn',
      'c: !GetAtt [Fn, Arn]',
      'd: !Sub "${Stage}-x"',
      'e: !Sub',
      '  - "${A}-y"',
      '  - A: !Ref B',
      'f: !If [IsProd, !Ref A, b]',
      'g: !Base64 { "Fn::Sub": "x" }',
      'h: !GetAtt Db.Endpoint.Address',
      'i: !Join [",", [a, !Ref B]]',
      'j: !FindInMap [M, k1, k2]',
      'k: !ImportValue shared-vpc',
      'l: !Select [0, !GetAZs ""]',
    ].join('\n'))).toEqual({
      a: { Ref: 'Table' },
      b: { 'Fn::GetAtt': ['Fn', 'Arn'] },
      c: { 'Fn::GetAtt': ['Fn', 'Arn'] },
      d: { 'Fn::Sub': '${Stage}-x' },
      e: { 'Fn::Sub': ['${A}-y', { A: { Ref: 'B' } }] },
      f: { 'Fn::If': ['IsProd', { Ref: 'A' }, 'b'] },
      g: { 'Fn::Base64': { 'Fn::Sub': 'x' } },
      h: { 'Fn::GetAtt': ['Db', 'Endpoint.Address'] },
      i: { 'Fn::Join': [',', ['a', { Ref: 'B' }]] },
      j: { 'Fn::FindInMap': ['M', 'k1', 'k2'] },
      k: { 'Fn::ImportValue': 'shared-vpc' },
      l: { 'Fn::Select': [0, { 'Fn::GetAZs': '' }] },
    });
  });

  test('a parse error names the file and line, in one line', () => {
    expect(() => read('a: 1\nb: [1,\n  c: :\n')).toThrow(MigrationError);
    try {
      read('a: 1\nb: [1,\n  c: :\n');
    } catch (e) {
      expect((e as MigrationError).field).toMatch(/template\.yaml:3$/);
      expect((e as MigrationError).reason).toBe('Unexpected : in flow sequence (valid YAML)');
    }
  });

  test('a duplicate key: the last one wins, as in CloudFormation, with a warning naming its line', () => {
    const text = ['Resources:', '  Fn:', '    Type: A', '    Type: B', '  Fn:', '    Type: C', 'Other: 1'].join('\n');
    expect(read(text)).toEqual({ Resources: { Fn: { Type: 'C' } }, Other: 1 });
    expect(warnings(text)).toEqual([
      'template.yaml:4: key Type is set twice; the last one wins, as in CloudFormation',
      'template.yaml:5: key Fn is set twice; the last one wins, as in CloudFormation',
    ]);
    expect(warnings('a: 1\nb: 2\n')).toEqual([]);
  });

  test('flow collections indented less than their key, which CloudFormation accepts, are read, with their tags', () => {
    expect(read(['Props: [', '  1, 2', ']', 'Map: {', 'a: !Ref X', '}', 'Seq:', '  - [a,', '  b]'].join('\n'))).toEqual({
      Props: [1, 2],
      Map: { a: { Ref: 'X' } },
      Seq: [['a', 'b']],
    });
    expect(read('Arn: !GetAtt [Fn, Arn]\nBad: {\nx: !GetAtt Fn.Arn\n}\n')).toEqual({
      Arn: { 'Fn::GetAtt': ['Fn', 'Arn'] },
      Bad: { x: { 'Fn::GetAtt': ['Fn', 'Arn'] } },
    });
  });
});
