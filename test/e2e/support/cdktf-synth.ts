import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';

/** One IAM policy statement, as the synthesized JSON policy holds it. */
export interface PolicyStatement {
  readonly Effect: string;
  readonly Action: string | string[];
  readonly Resource: string | string[];
  readonly Condition?: Record<string, Record<string, string | string[]>>;
}

/** The Terraform JSON a cdktf repo synthesized into cdktf.out/stacks/<stack>/cdk.tf.json. */
export class CdktfSynth {
  /** Reads the one stack under `<repo>/cdktf.out/stacks/`. */
  static read(repo: string): CdktfSynth {
    const stacks = join(repo, 'cdktf.out', 'stacks');
    const names = readdirSync(stacks);
    if (names.length !== 1) throw new Error(`cdktf.out/stacks: expected one stack, found ${names.join(', ') || 'none'}`);
    return new CdktfSynth(JSON.parse(readFileSync(join(stacks, names[0], 'cdk.tf.json'), 'utf8')));
  }

  private constructor(readonly json: any) {}

  /** Every resource of a type, by its Terraform name. */
  resources(type: string): Record<string, any> {
    return this.json.resource?.[type] ?? {};
  }

  /** The statements of every inline role policy and managed policy. */
  policyStatements(): PolicyStatement[] {
    const policies = [...Object.values(this.resources('aws_iam_role_policy')), ...Object.values(this.resources('aws_iam_policy'))];
    return policies.flatMap((p: { policy: string }) => [JSON.parse(p.policy).Statement].flat());
  }
}

/** A nested block as cdktf writes it: an object, or a list of one. */
export function block(value: any): any {
  return Array.isArray(value) ? value[0] : value;
}
