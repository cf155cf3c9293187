/**
 * Reads a schedule's constant input. EventBridge and Scheduler take it as a JSON text and pass the
 * parsed value to the function as its event.
 *
 * @returns the parsed event, or a warning when the text is not JSON (the input is then not carried over)
 * @see https://docs.aws.amazon.com/eventbridge/latest/APIReference/API_Target.html (Input: valid JSON text)
 */
export function parseScheduleInput(text: string, field: string): { readonly value: unknown } | { readonly warning: string } {
  try {
    return { value: JSON.parse(text) };
  } catch (e) {
    return { warning: `${field}: not valid JSON (${(e as Error).message}); the input is not carried over, set ECS_BATCH_EVENT by hand` };
  }
}
