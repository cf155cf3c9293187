/**
 * The line of every key in a JSON document (Terraform JSON syntax, as CDKTF synthesizes it
 * to `cdk.tf.json`). `JSON.parse` stays the judge of validity; this only finds positions.
 *
 * @returns each key path (`resource.aws_iam_role.invoker.name`, array items as `[i]`) with its line
 */
export function outlineJson(text: string): Map<string, number> {
  const lines = new Map<string, number>();
  let i = 0;
  let line = 1;
  const ws = () => {
    while (i < text.length && /\s/.test(text[i])) {
      if (text[i] === '\n') line++;
      i++;
    }
  };
  const str = (): string => {
    const start = i;
    i++;
    while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
    i++;
    return JSON.parse(text.slice(start, i)) as string;
  };
  const value = (path: string): void => {
    ws();
    const c = text[i];
    if (c === '{') {
      i++;
      for (;;) {
        ws();
        if (text[i] === '}') { i++; return; }
        if (text[i] === ',') { i++; continue; }
        if (text[i] !== '"') { i = text.length; return; }
        const keyLine = line;
        const key = str();
        const child = path === '' ? key : `${path}.${key}`;
        lines.set(child, keyLine);
        ws();
        i++; // ':'
        value(child);
      }
    } else if (c === '[') {
      i++;
      let index = 0;
      for (;;) {
        ws();
        if (text[i] === ']') { i++; return; }
        if (text[i] === ',') { i++; continue; }
        if (i >= text.length) return;
        const child = `${path}[${index++}]`;
        lines.set(child, line);
        value(child);
      }
    } else if (c === '"') {
      str();
    } else {
      while (i < text.length && !/[\s,}\]]/.test(text[i])) i++;
    }
  };
  value('');
  return lines;
}
