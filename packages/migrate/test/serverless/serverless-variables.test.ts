import { ServerlessVariables } from '../../src/serverless/serverless-variables';

const config = {
  service: 'billing',
  custom: { table: 'invoices-${sls:stage}', memory: 2048, tables: { dev: 'd', prod: 'p' }, loop: '${self:custom.loop}' },
  provider: { name: 'aws', stage: "${opt:stage, 'dev'}" },
};
const variables = new ServerlessVariables(config);

describe('ServerlessVariables', () => {
  test('${self:} references, typed when the whole value', () => {
    expect(variables.resolve('${self:custom.memory}')).toEqual({ ok: true, value: 2048 });
    expect(variables.resolve('${self:service}-x')).toEqual({ ok: true, value: 'billing-x' });
  });

  test('the stage: a literal fallback of ${opt:stage}, and nested variables', () => {
    expect(variables.resolve('${sls:stage}')).toEqual({ ok: true, value: 'dev' });
    expect(variables.resolve('${self:custom.table}')).toEqual({ ok: true, value: 'invoices-dev' });
    expect(variables.resolve('${self:custom.tables.${sls:stage}}')).toEqual({ ok: true, value: 'd' });
    expect(new ServerlessVariables({}).resolve('${sls:stage}/${aws:region}')).toEqual({ ok: true, value: 'dev/us-east-1' });
  });

  test('fallbacks: the first that resolves wins', () => {
    expect(variables.resolve("${env:TABLE, 'fallback'}")).toEqual({ ok: true, value: 'fallback' });
    expect(variables.resolve('${ssm:/x, self:custom.memory}')).toEqual({ ok: true, value: 2048 });
    expect(variables.resolve('${env:N, 5}')).toEqual({ ok: true, value: 5 });
  });

  test('deploy-time sources without a fallback are unresolved, naming the variable', () => {
    expect(variables.resolve('${ssm:/billing/key}')).toEqual({ ok: false, expression: '${ssm:/billing/key}' });
    expect(variables.resolve('x-${env:HOME}')).toEqual({ ok: false, expression: '${env:HOME}' });
    expect(variables.resolve('${self:custom.nope}')).toEqual({ ok: false, expression: '${self:custom.nope}' });
    expect(variables.resolve('${self:custom.loop}')).toMatchObject({ ok: false });
  });
});
