import { RunnerMetrics } from '@ecs-batch/core';
import { jobMetricsDocument } from '../src/emf-metrics';
import { emfViolations } from './support/emf-spec';

describe('jobMetricsDocument', () => {
  test('a success: JobSucceeded 1, JobFailed 0, the duration, dimension Job, valid EMF', () => {
    const document = jobMetricsDocument({ namespace: 'EcsBatch', jobName: 'nightly', succeeded: true, durationMs: 1234.6, outcome: 'succeeded', timestamp: 1717200000000 });
    expect(emfViolations(document)).toEqual([]);
    expect(document).toEqual({
      _aws: {
        Timestamp: 1717200000000,
        CloudWatchMetrics: [{
          Namespace: 'EcsBatch',
          Dimensions: [['Job']],
          Metrics: [
            { Name: 'JobSucceeded', Unit: 'Count' },
            { Name: 'JobFailed', Unit: 'Count' },
            { Name: 'JobDurationMs', Unit: 'Milliseconds' },
          ],
        }],
      },
      Job: 'nightly',
      JobSucceeded: 1,
      JobFailed: 0,
      JobDurationMs: 1235,
      outcome: 'succeeded',
    });
  });

  test('names come from core, so the alarms and the runner agree', () => {
    const document = jobMetricsDocument({ namespace: 'Payments', jobName: 'j', succeeded: false, durationMs: 5, outcome: 'timeout' }) as { [key: string]: unknown };
    expect(document[RunnerMetrics.JOB_SUCCEEDED]).toBe(0);
    expect(document[RunnerMetrics.JOB_FAILED]).toBe(1);
    expect(document[RunnerMetrics.JOB_DURATION_MS]).toBe(5);
    expect(document[RunnerMetrics.JOB_DIMENSION]).toBe('j');
    expect(Math.abs((document._aws as { Timestamp: number }).Timestamp - Date.now())).toBeLessThan(5000);
  });
});

describe('the EMF checker itself', () => {
  const valid = () => jobMetricsDocument({ namespace: 'EcsBatch', jobName: 'nightly', succeeded: true, durationMs: 1, outcome: 'succeeded' }) as { [key: string]: any };

  test.each<[string, (doc: { [key: string]: any }) => void, string]>([
    ['no Timestamp', (d) => { delete d._aws.Timestamp; }, '_aws.Timestamp must be a number of milliseconds since the epoch'],
    ['a string Timestamp', (d) => { d._aws.Timestamp = '2024-06-01'; }, '_aws.Timestamp must be a number of milliseconds since the epoch'],
    ['no Namespace', (d) => { delete d._aws.CloudWatchMetrics[0].Namespace; }, '_aws.CloudWatchMetrics[0].Namespace must be a string of 1-255 characters'],
    ['a missing dimension member', (d) => { delete d.Job; }, "dimension 'Job' must be a string member of the root node"],
    ['a numeric dimension', (d) => { d.Job = 7; }, "dimension 'Job' must be a string member of the root node"],
    ['a missing metric member', (d) => { delete d.JobFailed; }, "metric 'JobFailed' must be a number (or an array of up to 100 numbers) at the root node"],
    ['a string metric', (d) => { d.JobDurationMs = '12'; }, "metric 'JobDurationMs' must be a number (or an array of up to 100 numbers) at the root node"],
    ['a bad unit', (d) => { d._aws.CloudWatchMetrics[0].Metrics[0].Unit = 'Things'; }, "_aws.CloudWatchMetrics[0].Metrics[0].Unit 'Things' is not a CloudWatch unit"],
  ])('rejects %s', (_name, breakIt, violation) => {
    const document = valid();
    breakIt(document);
    expect(emfViolations(document)).toContain(violation);
  });
});
