import { JsonLogger } from '../src/json-logger';

describe('JsonLogger', () => {
  test('one JSON object per line, with time, level, event, message and the fields', () => {
    const lines: string[] = [];
    const log = new JsonLogger((line) => { lines.push(line); }).with({ job: 'nightly' });
    log.info('start', 'nightly started', { handler: 'h' });
    log.warn('shutdown', 'stopping');
    log.error('end', 'failed', { outcome: 'failed' });
    expect(lines.every((line) => line.endsWith('\n') && line.indexOf('\n') === line.length - 1)).toBe(true);
    const parsed = lines.map((line) => JSON.parse(line));
    expect(parsed.map(({ time, ...rest }) => rest)).toEqual([
      { level: 'info', event: 'start', message: 'nightly started', job: 'nightly', handler: 'h' },
      { level: 'warn', event: 'shutdown', message: 'stopping', job: 'nightly' },
      { level: 'error', event: 'end', message: 'failed', job: 'nightly', outcome: 'failed' },
    ]);
    expect(Date.parse(parsed[0].time)).not.toBeNaN();
  });

  test('a field that cannot be serialized does not lose the line', () => {
    const lines: string[] = [];
    new JsonLogger((line) => { lines.push(line); }).info('start', 'with a bigint', { big: BigInt(1) });
    expect(JSON.parse(lines[0])).toMatchObject({ level: 'info', event: 'start', message: 'with a bigint', logError: expect.stringContaining('BigInt') });
  });

  test('documents are written whole', () => {
    const lines: string[] = [];
    new JsonLogger((line) => { lines.push(line); }).with({ job: 'x' }).document({ _aws: {}, Job: 'x' });
    expect(lines).toEqual(['{"_aws":{},"Job":"x"}\n']);
  });
});
