/** A fenced code block of a Markdown file, with the line its code starts on. */
export interface CodeBlock {
  readonly lang: string;
  readonly code: string;
  /** 1-based line of the block's first code line, for failure messages. */
  readonly line: number;
}

export function codeBlocks(markdown: string): CodeBlock[] {
  const blocks: CodeBlock[] = [];
  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const open = /^(\s*)(`{3,})(\S*)\s*$/.exec(lines[i]);
    if (!open) continue;
    const body: string[] = [];
    let j = i + 1;
    for (; j < lines.length && !lines[j].trimStart().startsWith(open[2]); j++) body.push(lines[j].slice(open[1].length));
    blocks.push({ lang: open[3], code: body.join('\n'), line: i + 2 });
    i = j;
  }
  return blocks;
}
