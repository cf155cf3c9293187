import { Arn } from '@ecs-batch/core';
import { ValidationError } from '@ecs-batch/core/lib/errors';
import { Token } from 'cdktf';

/**
 * Synth-time checks of construct props. Each throws core's `ValidationError`
 * naming the prop: `<prop>: <what is wrong> (<what is allowed>)`.
 *
 * Unresolved tokens are not checked: their value is only known at apply time.
 */
export class PropCheck {
  /** An integer in `[min, max]`, unless a token. */
  public static integerInRange(value: number | undefined, min: number, max: number, field: string): void {
    if (value === undefined || Token.isUnresolved(value)) return;
    if (!Number.isInteger(value) || value < min || value > max) {
      throw new ValidationError(field, `${value} is out of range (an integer, ${min}-${max})`);
    }
  }

  /** A list with at least one element, unless the list itself is a token. */
  public static nonEmptyList(value: string[] | undefined, field: string, allowed: string): void {
    if (value !== undefined && value.some((v) => PropCheck.isToken(v))) return;
    if (value === undefined || value.length === 0) {
      throw new ValidationError(field, `is empty (${allowed})`);
    }
  }

  /** Whether a string is an unresolved CDKTF token or Terraform interpolation. */
  public static isToken(value: string): boolean {
    return Arn.isToken(value) || Token.isUnresolved(value);
  }

  private constructor() {}
}
