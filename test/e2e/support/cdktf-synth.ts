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
    return policies.flatMap((p: { policy: string }) => [parseInterpolatedJson(p.policy).Statement].flat());
  }
}

/**
 * Parses JSON text that holds Terraform interpolations (`"${replace(x, "a", "")}:*"`).
 * Terraform resolves them before anything reads the JSON, so their inner quotes
 * are not JSON: each one is kept verbatim in the string it sits in.
 */
export function parseInterpolatedJson(text: string): any {
  const interpolations: string[] = [];
  let json = '';
  for (let i = 0; i < text.length; i++) {
    if (text.startsWith('${', i)) {
      const end = interpolationEnd(text, i + 2);
      interpolations.push(text.slice(i, end + 1));
      json += `\\u0000${interpolations.length - 1}\\u0000`;
      i = end;
    } else {
      json += text[i];
    }
  }
  return JSON.parse(json, (_, value) =>
    typeof value === 'string' ? value.replace(/\u0000(\d+)\u0000/g, (_m, n: string) => interpolations[Number(n)]) : value);
}

/** Index of the `}` that closes the interpolation whose body starts at `start`. */
function interpolationEnd(text: string, start: number): number {
  let depth = 0;
  let quoted = false;
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '\\') i++;
      else if (c === '"') quoted = false;
    } else if (c === '"') {
      quoted = true;
    } else if (c === '{') {
      depth++;
    } else if (c === '}') {
      if (depth === 0) return i;
      depth--;
    }
  }
  throw new Error(`unterminated interpolation at ${start - 2}: ${text.slice(start - 2, start + 60)}`);
}

/** A nested block as cdktf writes it: an object, or a list of one. */
export function block(value: any): any {
  return Array.isArray(value) ? value[0] : value;
}
