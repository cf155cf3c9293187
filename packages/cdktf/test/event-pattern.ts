/**
 * EventBridge's event pattern matching, for the operators the failure alert
 * uses: exact values, `prefix`, `anything-but`, `$or`, nested objects, and
 * arrays in the event (a field matches when any element does). EventBridge
 * itself does not run here; this follows its documented rules so that the
 * alert pattern can be tried on real-shaped events.
 *
 * @see https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-event-patterns.html
 * @see https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-create-pattern-operators.html
 * @see https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-event-patterns-arrays.html
 */
export function matches(pattern: any, event: any): boolean {
  return Object.entries<any>(pattern).every(([key, rule]) => {
    if (key === '$or') return (rule as any[]).some((alternative) => matches(alternative, event));
    // A field the pattern names must be in the event (no `exists: false` here).
    if (event === null || typeof event !== 'object' || !(key in event)) return false;
    const values = Array.isArray(event[key]) ? event[key] : [event[key]];
    if (Array.isArray(rule)) return values.some((v: unknown) => rule.some((r) => leafMatches(r, v)));
    return values.some((v: unknown) => matches(rule, v));
  });
}

function leafMatches(rule: unknown, value: unknown): boolean {
  if (rule !== null && typeof rule === 'object') {
    const [[operator, operand]] = Object.entries(rule);
    if (operator === 'prefix') return typeof value === 'string' && value.startsWith(operand as string);
    if (operator === 'anything-but') return !(Array.isArray(operand) ? operand : [operand]).includes(value);
    throw new Error(`the test matcher does not know the operator ${operator}`);
  }
  return rule === value;
}

/**
 * What an input transformer sends for a JSONPath of the form
 * `$.a.b[0].c` (the only form the alert uses).
 * @see https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-transform-target-input.html
 */
export function pathValue(event: any, path: string): unknown {
  const steps = path.replace(/^\$\.?/, '').split(/\.|(?=\[)/).filter((s) => s !== '');
  return steps.reduce<any>((at, step) => {
    if (at === undefined || at === null) return undefined;
    const index = /^\[(\d+)\]$/.exec(step);
    return index ? at[Number(index[1])] : at[step];
  }, event);
}
