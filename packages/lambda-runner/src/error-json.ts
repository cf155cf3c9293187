/** An error as it appears in a log line. */
export interface ErrorJson {
  readonly name: string;
  readonly message: string;
  readonly stack?: string;
  readonly code?: string | number;
}

/**
 * The JSON form of anything thrown or passed to `callback`: Errors keep name,
 * message, stack (and `code` when set); other values are described by their type,
 * as Lambda does for `callback('some string')`.
 */
export function errorJson(value: unknown): ErrorJson {
  if (value instanceof Error) {
    const code = (value as { code?: unknown }).code;
    return {
      name: value.name,
      message: value.message,
      ...(value.stack === undefined ? {} : { stack: value.stack }),
      ...(typeof code === 'string' || typeof code === 'number' ? { code } : {}),
    };
  }
  return { name: value === null ? 'null' : typeof value, message: describe(value) };
}

/** An Error for a value that may not be one, so outcomes always carry an Error. */
export function toError(value: unknown): Error {
  if (value instanceof Error) return value;
  const error = new Error(describe(value));
  error.name = value === null ? 'null' : typeof value;
  // The stack would point into the runner, not at the code that failed: drop it.
  delete error.stack;
  return error;
}

function describe(value: unknown): string {
  if (typeof value === 'string') return value;
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
