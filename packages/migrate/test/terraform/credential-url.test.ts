import { join } from 'path';
import { analyze } from '../../src';
import { embedsCredential } from '../../src/job/environment-variables';
import { FIXTURES } from '../contract';

// Written for these tests: a password inside connection strings, one of them behind a local.
const FIXTURE = join(FIXTURES, 'terraform-credential-url');

describe('a value that embeds a credential', () => {
  test('a URL with user:password@ does; a plain URL or a user without a password does not', () => {
    expect(embedsCredential('mongodb+srv://u:p@h/db')).toBe(true);
    expect(embedsCredential('see amqp://jobs:pw@mq:5672/ for the broker')).toBe(true);
    expect(embedsCredential('https://api.example.com/x')).toBe(false);
    expect(embedsCredential('https://anonymous@cdn.example.com/')).toBe(false);
    expect(embedsCredential('user:password@host')).toBe(false);
    // a template whose password is an interpolation
    expect(embedsCredential('postgres://report:${var.pw}@db:5432/x')).toBe(true);
    expect(embedsCredential('postgres://${var.user}@db:5432/x')).toBe(false);
  });

  test('a password from a variable, behind a local: the whole template is shown, and it is a secret', async () => {
    const report = await analyze(FIXTURE);
    const job = report.jobs.find((j) => j.name === 'catalog-report')!;
    expect(job.environment).toEqual([
      { name: 'REPORT_DB', value: null, expression: 'postgres://report:${var.report_db_password}@db.internal:5432/reports', secret: true },
    ]);
    expect(job.warnings).toContain("environment REPORT_DB embeds a credential (a URL's user:password@): put the value in Secrets Manager or SSM Parameter Store and pass it as a container secret, not as a plain variable");
  });

  test('is a secret, masked, and warned about, whatever the name, also through a local', async () => {
    const report = await analyze(FIXTURE);
    const job = report.jobs.find((j) => j.name === 'catalog-sync')!;
    // In name order, as the reader gives them.
    expect(job.environment).toEqual([
      { name: 'BROKER_URL', value: 'amqp://jobs:****@mq.internal:5672/', secret: true },
      { name: 'CATALOG_URL', value: 'https://api.example.com/catalog', secret: false },
      { name: 'MONGO_URI', value: 'mongodb+srv://sync:****@cluster0.example.net/app?retryWrites=true', secret: true },
      { name: 'PUBLIC_URL', value: 'https://anonymous@cdn.example.com/', secret: false },
    ]);
    for (const name of ['MONGO_URI', 'BROKER_URL']) {
      expect(job.warnings).toContain(`environment ${name} embeds a credential (a URL's user:password@): put the value in Secrets Manager or SSM Parameter Store and pass it as a container secret, not as a plain variable`);
    }
    // The password reaches no part of the report.
    expect(JSON.stringify(report)).not.toMatch(/n0t-a-real-pw|also-not-real/);
  });
});
