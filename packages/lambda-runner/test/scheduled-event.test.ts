import { scheduledEvent } from '../src/scheduled-event';

describe('scheduledEvent', () => {
  test('the shape EventBridge sends for a schedule, keys in its order', () => {
    const event = scheduledEvent({
      id: '53dc4d37-cffa-4f76-80c9-8b7d4a4d2eaa',
      time: new Date('2015-10-08T16:53:06.123Z'),
      account: '123456789012',
      region: 'us-east-1',
      resources: ['arn:aws:events:us-east-1:123456789012:rule/my-scheduled-rule'],
    });
    expect(event).toEqual({
      'version': '0',
      'id': '53dc4d37-cffa-4f76-80c9-8b7d4a4d2eaa',
      'detail-type': 'Scheduled Event',
      'source': 'aws.events',
      'account': '123456789012',
      'time': '2015-10-08T16:53:06Z',
      'region': 'us-east-1',
      'resources': ['arn:aws:events:us-east-1:123456789012:rule/my-scheduled-rule'],
      'detail': {},
    });
    expect(Object.keys(event)).toEqual(['version', 'id', 'detail-type', 'source', 'account', 'time', 'region', 'resources', 'detail']);
  });

  test('unknown account and region are left out; id and time default to a UUID and now', () => {
    const before = Date.now();
    const event = scheduledEvent();
    expect(event).not.toHaveProperty('account');
    expect(event).not.toHaveProperty('region');
    expect(event.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(Date.parse(event.time)).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000);
    expect(event.resources).toEqual([]);
    expect(scheduledEvent().id).not.toBe(event.id);
  });
});
