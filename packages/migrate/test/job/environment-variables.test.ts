import { looksSecret, toJobVariable } from '../../src/job/environment-variables';

describe('looksSecret', () => {
  test.each([
    'DB_PASSWORD', 'PASSWORD', 'API_KEY', 'STRIPE_API_KEY', 'apiKey', 'GITHUB_TOKEN', 'CLIENT_SECRET', 'SECRET',
    'AWS_SECRET_ACCESS_KEY', 'SLACK_WEBHOOK_URL', 'SENTRY_DSN', 'PRIVATE_KEY', 'DB_PASS', 'MY_CREDENTIALS',
  ])('%s looks like a secret', (name) => {
    expect(looksSecret(name)).toBe(true);
  });

  test.each(['ORDERS_TABLE', 'STAGE', 'LOG_LEVEL', 'AUTHOR', 'PASSTHROUGH', 'TOKENIZER_MODEL', 'KEYSPACE', 'BUCKET'])('%s does not', (name) => {
    expect(looksSecret(name)).toBe(false);
  });
});

describe('toJobVariable', () => {
  test('a literal has its value; an expression has value null and the expression', () => {
    expect(toJobVariable({ name: 'TABLE', value: 'orders' })).toEqual({ name: 'TABLE', value: 'orders', secret: false });
    expect(toJobVariable({ name: 'DB_PASSWORD', expression: '!Ref Password' })).toEqual({
      name: 'DB_PASSWORD', value: null, expression: '!Ref Password', secret: true,
    });
  });
});
