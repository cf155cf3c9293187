import { JobNames, kebabCase, MAX_JOB_NAME_LENGTH } from '../../src/job/job-name';

describe('kebabCase', () => {
  test.each([
    ['NightlyReport', 'nightly-report'],
    ['nightly_report', 'nightly-report'],
    ['payments_nightlyReport', 'payments-nightly-report'],
    ['sendHTTPPing', 'send-http-ping'],
    ['prod-ledger-sync', 'prod-ledger-sync'],
    ['Every15', 'every15'],
    ['--x--', 'x'],
    ['2fa-reminder', 'job-2fa-reminder'],
    ['', 'job'],
  ])('%s → %s', (name, expected) => {
    expect(kebabCase(name)).toBe(expected);
  });
});

describe('JobNames', () => {
  test('hands out each name once, numbering repeats from 2', () => {
    const names = new JobNames();
    expect(['report', 'report', 'cleanup', 'report'].map((n) => names.claim(n))).toEqual(['report', 'report-2', 'cleanup', 'report-3']);
    expect(names.claim('report-2')).toBe('report-2-2');
  });

  test('numbered names skip the taken ones', () => {
    const names = new JobNames();
    names.claim('sync');
    names.claim('sync-2');
    expect(names.claimNumbered('sync', 2)).toBe('sync-3');
    expect(names.claimNumbered('sync', 2)).toBe('sync-4');
  });
});

describe('job names fit the template\'s 24 characters', () => {
  test('a long name is cut after its last whole word that fits, never mid-word; its repeats too', () => {
    const names = new JobNames();
    expect(MAX_JOB_NAME_LENGTH).toBe(24);
    expect(names.claim('payments-nightly-report-generator')).toBe('payments-nightly-report');
    expect(names.claim('payments-nightly-report-generator')).toBe('payments-nightly-2');
    expect(names.claim('nightly-invoice-reminder-sender')).toBe('nightly-invoice-reminder');
    expect(names.claim('customer-statement-emails')).toBe('customer-statement');
    expect(names.claimNumbered('abcdefghijklmnopqrstuvwxyz', 2)).toBe('abcdefghijklmnopqrstuv-2');
    expect(names.claimNumbered('abcdefghijklmnopqrstuvwxyz', 2)).toBe('abcdefghijklmnopqrstuv-3');
  });
});
