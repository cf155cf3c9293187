import { CloudFormationValues, shortForm } from '../../src/cloudformation/cloudformation-values';

const values = new CloudFormationValues({
  Parameters: {
    Stage: { Type: 'String', Default: 'prod' },
    Memory: { Type: 'Number', Default: 2048 },
    NoDefault: { Type: 'String' },
  },
  Mappings: { Sizes: { prod: { memory: 4096 } } },
});

describe('CloudFormationValues', () => {
  test('Ref to a parameter with a Default', () => {
    expect(values.resolve({ Ref: 'Memory' })).toEqual({ ok: true, value: 2048 });
    expect(values.resolve({ Ref: 'NoDefault' })).toEqual({ ok: false, expression: '!Ref NoDefault' });
    expect(values.resolve({ Ref: 'AWS::Region' })).toEqual({ ok: false, expression: '!Ref AWS::Region' });
    expect(values.resolve({ Ref: 'SomeResource' })).toEqual({ ok: false, expression: '!Ref SomeResource' });
  });

  test('Fn::Sub over parameters and its own variables; ${!x} is literal', () => {
    expect(values.resolve({ 'Fn::Sub': '${Stage}-orders' })).toEqual({ ok: true, value: 'prod-orders' });
    expect(values.resolve({ 'Fn::Sub': ['${A}-${Stage}', { A: 'x' }] })).toEqual({ ok: true, value: 'x-prod' });
    expect(values.resolve({ 'Fn::Sub': '${!Literal}' })).toEqual({ ok: true, value: '${Literal}' });
    expect(values.resolve({ 'Fn::Sub': 'arn:${AWS::Partition}:x' })).toEqual({ ok: false, expression: '!Sub "arn:${AWS::Partition}:x"' });
  });

  test('Join, Select and FindInMap over literals', () => {
    expect(values.resolve({ 'Fn::Join': ['-', ['a', { Ref: 'Stage' }]] })).toEqual({ ok: true, value: 'a-prod' });
    expect(values.resolve({ 'Fn::Select': [1, ['a', 'b']] })).toEqual({ ok: true, value: 'b' });
    expect(values.resolve({ 'Fn::FindInMap': ['Sizes', { Ref: 'Stage' }, 'memory'] })).toEqual({ ok: true, value: 4096 });
  });

  test('attributes and conditions are unresolved, shown in short form', () => {
    expect(values.resolve({ 'Fn::GetAtt': ['Table', 'Arn'] })).toEqual({ ok: false, expression: '!GetAtt Table.Arn' });
    expect(values.resolve({ 'Fn::If': ['C', 'a', 'b'] })).toEqual({ ok: false, expression: '!If ["C","a","b"]' });
    expect(values.resolve({ A: [{ Ref: 'X' }] })).toEqual({ ok: false, expression: '!Ref X' });
    expect(shortForm({ 'Fn::ImportValue': 'vpc' })).toBe('!ImportValue "vpc"');
  });
});
