import { readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import { newProject, synth, synthInPlace, tempDir } from '../fixtures';

describe('Environments', () => {
  test('documents the production inputs, with the project defaults as examples', () => {
    const out = synth(newProject({ subnetIds: ['subnet-0aa'], securityGroupIds: ['sg-0bb'] }));
    const vars: string = out['infra/environments/production.tfvars'];
    expect(vars).toContain('# cluster_arn        = "arn:aws:ecs:ap-northeast-1:123456789012:cluster/batch"');
    expect(vars).toContain('# subnet_ids         = ["subnet-0aa"]');
    expect(vars).toContain('# security_group_ids = ["sg-0bb"]');
    expect(out['infra/environments/production.s3.tfbackend']).toContain('key          = "payments-batch/production.tfstate"');
  });

  test('the files are the team\'s: written once, never overwritten', () => {
    const dir = tempDir();
    synthInPlace(newProject({}, dir));
    const file = join(dir, 'infra/environments/production.tfvars');
    writeFileSync(file, 'cluster_arn = "arn:aws:ecs:ap-northeast-1:111122223333:cluster/prod"\n');
    synthInPlace(newProject({}, dir));
    expect(readFileSync(file, 'utf8')).toBe('cluster_arn = "arn:aws:ecs:ap-northeast-1:111122223333:cluster/prod"\n');
  });
});
