import { ValidationError } from '../errors';
import { Arn, ArnComponents } from './arn';

/**
 * What a field expects: an ARN of one service whose resource starts with a type,
 * e.g. `ecs` + `task-definition/`. Used by the typed ARN classes and the policy
 * builders so every "wrong kind of ARN" error reads the same.
 *
 * Not exported from the package.
 */
export class ArnExpectation {
  /**
   * @param service the service the ARN must belong to, e.g. `ecs`
   * @param resourcePrefix the start of the resource, e.g. `task-definition/`
   * @param shape the full resource shape for messages, e.g. `task-definition/<family>[:<revision>]`
   */
  constructor(
    public readonly service: string,
    public readonly resourcePrefix: string,
    public readonly shape: string,
  ) {}

  /** Parse `arn` and check its service and resource type; errors name `field`. */
  public parse(arn: string, field: string): ArnComponents {
    const components = Arn.parse(arn, field);
    if (components.service !== this.service) {
      throw new ValidationError(field, `service is '${components.service}' but expected '${this.service}' (arn:<partition>:${this.service}:...:${this.shape})`);
    }
    if (!components.resource.startsWith(this.resourcePrefix)) {
      throw new ValidationError(field, `service is '${components.service}' but resource is '${components.resource}', expected ${this.shape}`);
    }
    return components;
  }

  /** The token verbatim, or the literal after validation. */
  public passThroughOrCheck(value: string, field: string): string {
    if (!Arn.isToken(value)) {
      this.parse(value, field);
    }
    return value;
  }
}
