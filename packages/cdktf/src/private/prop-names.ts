/** What the user calls a prop, for an error: `timeZone`, or `schedules[0].timeZone` inside an `EcsBatchJob`. */
export type PropName = (prop: string) => string;

const NAMES = new WeakMap<object, PropName>();

/**
 * The names an `EcsScheduledTask`'s errors give its props. By default each prop's own;
 * a construct that builds the props from its own (`EcsBatchJob`) registers how its
 * user wrote them, so an error names the prop the user wrote, without catching and
 * renaming it afterwards. Not part of the jsii API: the registry is keyed by the
 * props object, which only TypeScript inside this package hands over.
 */
export class PropNames {
  /** `props`, with the names its errors should use. */
  public static register<T extends object>(props: T, name: PropName): T {
    NAMES.set(props, name);
    return props;
  }

  /** The names registered for `props`, or each prop's own. */
  public static of(props: object): PropName {
    return NAMES.get(props) ?? ((prop) => prop);
  }

  private constructor() {}
}
