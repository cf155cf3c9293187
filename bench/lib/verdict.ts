import { Check } from './result';

/**
 * --quick fails only beyond this factor past the target: a CI machine is
 * noisy and a short run is noisier, so only a real regression should fail it.
 * (≤ 1.3× fails above 2.6×; ≥ 10× fails below 5×.)
 */
export const QUICK_MARGIN = 2;

/** Whether the value meets its target. */
export function meetsTarget(check: Check): boolean {
  return check.op === '<=' ? check.value <= check.limit : check.value >= check.limit;
}

/** The limit --quick applies: the target loosened by the margin. */
export function quickLimit(check: Check, margin: number = QUICK_MARGIN): number {
  return check.op === '<=' ? check.limit * margin : check.limit / margin;
}

/** One line per relative check beyond the quick margin; absolute times are never checked. */
export function quickFailures(checks: readonly Check[], margin: number = QUICK_MARGIN): string[] {
  return checks
    .filter((check) => check.relative)
    .filter((check) => !meetsTarget({ ...check, limit: quickLimit(check, margin) }))
    .map((check) =>
      `${check.label}: ${formatValue(check.value, check.unit)} is beyond ${check.op} ${formatValue(quickLimit(check, margin), check.unit)}` +
      ` (target ${check.op} ${formatValue(check.limit, check.unit)}, with a ${margin}× margin for --quick)`);
}

export function formatValue(value: number, unit: Check['unit']): string {
  switch (unit) {
    case 'x': return `${value.toFixed(value >= 10 ? 1 : 2)}×`;
    case '%': return `${value.toFixed(1)}%`;
    case 's': return `${value.toFixed(1)} s`;
  }
}
