/**
 * A checker for the CloudWatch Embedded Metric Format specification and its JSON schema
 * (required `_aws.Timestamp` integer and `_aws.CloudWatchMetrics`; each MetricDirective
 * with Namespace (1-255), Dimensions (at least one DimensionSet of at most 30 keys, each a
 * string member at the root), Metrics (at most 100, Name 1-255 referencing a number or an
 * array of at most 100 numbers at the root, Unit a CloudWatch unit)), written from
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/CloudWatch_Embedded_Metric_Format_Specification.html
 * Returns the violations (empty: valid).
 */
export function emfViolations(document: unknown): string[] {
  const errors: string[] = [];
  if (!isObject(document)) return ['the root node must be a JSON object'];
  const aws = document._aws;
  if (!isObject(aws)) return ['_aws must be an object (the metadata object)'];
  if (typeof aws.Timestamp !== 'number' || !Number.isInteger(aws.Timestamp) || aws.Timestamp < 0) {
    errors.push('_aws.Timestamp must be a number of milliseconds since the epoch');
  }
  const directives = aws.CloudWatchMetrics;
  if (!Array.isArray(directives)) return [...errors, '_aws.CloudWatchMetrics must be an array of MetricDirective objects'];
  directives.forEach((directive: unknown, d) => {
    const at = `_aws.CloudWatchMetrics[${d}]`;
    if (!isObject(directive)) {
      errors.push(`${at} must be an object`);
      return;
    }
    if (typeof directive.Namespace !== 'string' || directive.Namespace.length < 1 || directive.Namespace.length > 255) {
      errors.push(`${at}.Namespace must be a string of 1-255 characters`);
    }
    if (!Array.isArray(directive.Dimensions) || directive.Dimensions.length === 0) {
      errors.push(`${at}.Dimensions must be a non-empty array of DimensionSets`);
    } else {
      directive.Dimensions.forEach((set: unknown, s) => {
        if (!Array.isArray(set) || set.length > 30) {
          errors.push(`${at}.Dimensions[${s}] must be an array of at most 30 dimension keys`);
          return;
        }
        for (const key of set) {
          if (typeof key !== 'string') errors.push(`${at}.Dimensions[${s}] holds a non-string key`);
          else if (typeof document[key] !== 'string') errors.push(`dimension '${key}' must be a string member of the root node`);
          else if ((document[key] as string).length < 1 || (document[key] as string).length > 1024) errors.push(`dimension '${key}' value must be 1-1024 characters`);
        }
      });
    }
    if (!Array.isArray(directive.Metrics) || directive.Metrics.length > 100) {
      errors.push(`${at}.Metrics must be an array of at most 100 MetricDefinitions`);
      return;
    }
    directive.Metrics.forEach((metric: unknown, m) => {
      if (!isObject(metric) || typeof metric.Name !== 'string' || metric.Name.length < 1 || metric.Name.length > 255) {
        errors.push(`${at}.Metrics[${m}].Name must be a string of 1-255 characters`);
        return;
      }
      if (metric.Unit !== undefined && !(typeof metric.Unit === 'string' && UNITS.includes(metric.Unit))) {
        errors.push(`${at}.Metrics[${m}].Unit '${String(metric.Unit)}' is not a CloudWatch unit`);
      }
      if (metric.StorageResolution !== undefined && metric.StorageResolution !== 1 && metric.StorageResolution !== 60) {
        errors.push(`${at}.Metrics[${m}].StorageResolution must be 1 or 60`);
      }
      const value = document[metric.Name];
      const numbers = Array.isArray(value) ? value : [value];
      if (numbers.length === 0 || numbers.length > 100 || !numbers.every((n) => typeof n === 'number' && Number.isFinite(n))) {
        errors.push(`metric '${metric.Name}' must be a number (or an array of up to 100 numbers) at the root node`);
      }
    });
  });
  return errors;
}

/** The units of https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_MetricDatum.html */
const UNITS = [
  'Seconds', 'Microseconds', 'Milliseconds', 'Bytes', 'Kilobytes', 'Megabytes', 'Gigabytes', 'Terabytes',
  'Bits', 'Kilobits', 'Megabits', 'Gigabits', 'Terabits', 'Percent', 'Count', 'Bytes/Second', 'Kilobytes/Second',
  'Megabytes/Second', 'Gigabytes/Second', 'Terabytes/Second', 'Bits/Second', 'Kilobits/Second', 'Megabits/Second',
  'Gigabits/Second', 'Terabits/Second', 'Count/Second', 'None',
];

function isObject(value: unknown): value is { [key: string]: unknown } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
