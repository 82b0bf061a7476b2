/**
 * Cuts a text stream (a child's stderr) into lines. ffmpeg ends progress lines with `\r`, so both `\r`
 * and `\n` end a line. A line longer than `maxLineLength` is cut, so that a child printing garbage
 * without newlines cannot make us buffer without limit.
 */
export class LineBuffer {
  private partial = ''

  constructor(private readonly maxLineLength = 1000) {}

  push(text: string): string[] {
    const pieces = (this.partial + text).split(/\r\n|\r|\n/u)
    this.partial = pieces.pop() ?? ''
    if (this.partial.length > this.maxLineLength) {
      pieces.push(this.partial.slice(0, this.maxLineLength))
      this.partial = ''
    }
    return pieces.filter((line) => line.trim() !== '').map((line) => line.slice(0, this.maxLineLength))
  }

  /** Returns what is left once the stream has ended. */
  flush(): string[] {
    const rest = this.partial
    this.partial = ''
    return rest.trim() === '' ? [] : [rest.slice(0, this.maxLineLength)]
  }
}
