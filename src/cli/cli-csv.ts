/** Writes an export's CSV lines to stdout as they come, waiting when the pipe is full (issue 7 item 4). */
export async function writeCsvLines(lines: AsyncIterable<string>): Promise<void> {
  for await (const chunk of lines) {
    if (!process.stdout.write(chunk)) await new Promise((resolve) => process.stdout.once('drain', resolve));
  }
}
