import { Arn } from '../arn';
import { ValidationError } from '../errors';

/**
 * Checks a 12-digit AWS account ID, or passes a token through.
 *
 * Not exported from the package.
 *
 * @see https://docs.aws.amazon.com/accounts/latest/reference/manage-acct-identifiers.html
 */
export class AccountId {
  public static check(value: string, field: string): string {
    if (Arn.isToken(value)) {
      return value;
    }
    if (typeof value !== 'string' || !/^\d{12}$/.test(value)) {
      throw new ValidationError(field, `account '${value ?? ''}' must be 12 digits`);
    }
    return value;
  }

  /** aws:SourceAccount and the account in aws:SourceArn must agree, or the trust can never match. */
  public static checkSame(sourceArnAccount: string, accountId: string, field: string): void {
    if (!Arn.isToken(accountId) && sourceArnAccount !== accountId) {
      throw new ValidationError(field, `account '${sourceArnAccount}' does not match accountId '${accountId}' (aws:SourceAccount and aws:SourceArn must name the same account)`);
    }
  }

  private constructor() {}
}
