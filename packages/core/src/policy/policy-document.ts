/**
 * Builds IAM policy documents as plain JSON with a fixed key order
 * (Version, Statement; Sid, Effect, Principal, Action, Resource, Condition),
 * so the same input always serializes to the same bytes.
 *
 * Not exported from the package.
 *
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements.html
 */
export class PolicyDocument {
  /** The current policy language version. */
  public static readonly VERSION = '2012-10-17';

  /** A document with the given statements, in order. */
  public static of(statements: Statement[]): any {
    return { Version: PolicyDocument.VERSION, Statement: statements.map((s) => PolicyDocument.statement(s)) };
  }

  /** One value stays a string; several become an array (duplicates dropped, order kept). */
  public static oneOrMany(values: string[]): string | string[] {
    const unique = [...new Set(values)];
    return unique.length === 1 ? unique[0] : unique;
  }

  private static statement(s: Statement): any {
    const out: any = { Sid: s.sid, Effect: s.effect ?? 'Allow' };
    if (s.servicePrincipal !== undefined) {
      out.Principal = { Service: s.servicePrincipal };
    } else if (s.federatedPrincipal !== undefined) {
      out.Principal = { Federated: s.federatedPrincipal };
    } else if (s.anyPrincipal) {
      out.Principal = '*';
    }
    out.Action = PolicyDocument.oneOrMany(s.actions);
    if (s.resources !== undefined) {
      out.Resource = PolicyDocument.oneOrMany(s.resources);
    }
    if (s.conditions !== undefined && s.conditions.length > 0) {
      const condition: any = {};
      for (const c of s.conditions) {
        condition[c.operator] = { ...(condition[c.operator] ?? {}), [c.key]: c.value };
      }
      out.Condition = condition;
    }
    return out;
  }

  private constructor() {}
}

/** One condition: `{ <operator>: { <key>: <value> } }`. */
export interface StatementCondition {
  readonly operator: string;
  readonly key: string;
  readonly value: string | string[];
}

/** A statement, Allow unless told. Identity policies have resources; trust and bucket policies a principal. */
export interface Statement {
  readonly sid: string;
  readonly effect?: 'Allow' | 'Deny';
  readonly servicePrincipal?: string | string[];
  /** A web identity provider's ARN (`Principal: { Federated }`). */
  readonly federatedPrincipal?: string;
  /** `Principal: "*"`, for a resource policy's Deny. */
  readonly anyPrincipal?: boolean;
  readonly actions: string[];
  readonly resources?: string[];
  readonly conditions?: StatementCondition[];
}
