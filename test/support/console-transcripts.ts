/** One `$ command` of a doc's ```console block, with what the doc shows it printing. */
export interface TranscriptCommand {
  /** 1-based line of the `$` line in the doc, for failure messages. */
  readonly line: number;
  readonly command: string;
  /** The text of a heredoc (`<<'EOF'`) after the command, each line ending in a newline; null when there is none. */
  readonly heredoc: string | null;
  /** The lines after the command up to the next one, each ending in a newline. */
  readonly expected: string;
}

/**
 * The commands of every ```console block of a doc: `$ ` lines, the heredoc each may carry, and the output shown
 * after it. Output before any command is a mistake in the doc, and throws naming its line.
 */
export function consoleTranscripts(text: string, doc: string): TranscriptCommand[] {
  const lines = text.split('\n');
  const commands: TranscriptCommand[] = [];
  for (let index = 0; index < lines.length; index++) {
    if (lines[index]!.trim() !== '```console') continue;
    let current: { line: number; command: string; heredoc: string | null; output: string[] } | undefined;
    const flush = () => current && commands.push({ ...current, expected: current.output.map((line) => `${line}\n`).join('') });
    for (index++; lines[index]!.trim() !== '```'; index++) {
      const line = lines[index]!;
      if (!line.startsWith('$ ')) {
        if (current === undefined) throw new Error(`${doc}:${index + 1}: output before any command`);
        current.output.push(line);
        continue;
      }
      flush();
      current = { line: index + 1, command: line.slice(2), heredoc: null, output: [] };
      const tag = /<<'(\w+)'$/.exec(line)?.[1];
      if (tag !== undefined) {
        const body: string[] = [];
        for (index++; lines[index] !== tag; index++) body.push(lines[index]!);
        current.heredoc = body.map((bodyLine) => `${bodyLine}\n`).join('');
      }
    }
    flush();
  }
  return commands;
}
