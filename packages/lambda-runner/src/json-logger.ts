/** Where a logger writes: one complete line (with its newline) per call. */
export type LineWriter = (line: string) => void;

/** Log levels, as CloudWatch Logs Insights queries expect them. */
export type LogLevel = 'info' | 'warn' | 'error';

/**
 * One JSON object per line, so CloudWatch Logs Insights can filter on any field:
 * `{"time":"…","level":"info","event":"start","message":"…",…}`.
 * Fields given to `with` are repeated on every line (job name, request id).
 */
export class JsonLogger {
  constructor(
    private readonly write: LineWriter,
    private readonly fields: { [key: string]: unknown } = {},
  ) {}

  /** A logger that adds `fields` to every line. */
  public with(fields: { [key: string]: unknown }): JsonLogger {
    return new JsonLogger(this.write, { ...this.fields, ...fields });
  }

  public info(event: string, message: string, fields: { [key: string]: unknown } = {}): void {
    this.line('info', event, message, fields);
  }

  public warn(event: string, message: string, fields: { [key: string]: unknown } = {}): void {
    this.line('warn', event, message, fields);
  }

  public error(event: string, message: string, fields: { [key: string]: unknown } = {}): void {
    this.line('error', event, message, fields);
  }

  /** Writes a document as is (an EMF document must be the whole line). */
  public document(document: object): void {
    this.write(`${JSON.stringify(document)}\n`);
  }

  private line(level: LogLevel, event: string, message: string, fields: { [key: string]: unknown }): void {
    const entry = { time: new Date().toISOString(), level, event, message, ...this.fields, ...fields };
    let text: string;
    try {
      text = JSON.stringify(entry);
    } catch (e) {
      // A field that cannot be serialized (BigInt, cycle) must not lose the line.
      text = JSON.stringify({ time: entry.time, level, event, message, logError: (e as Error).message });
    }
    this.write(`${text}\n`);
  }
}
