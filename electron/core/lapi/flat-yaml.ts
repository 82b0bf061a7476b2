/**
 * Reader for the flat YAML subset fast-plate-ocr's plate configs use: `key: scalar` lines, `#`
 * comments, and flow lists `[ 'a', 'b' ]` that may span lines. Not a YAML parser: anything else
 * (nesting, block lists, anchors, multi-line strings) is refused with the line number, so a config
 * from a newer release fails loudly instead of being half-read. Written here because the core takes
 * no YAML dependency for one 1.7 kB file.
 */

export type FlatYamlValue = string | number | boolean | null | string[]

export class FlatYamlError extends Error {
  constructor(message: string, readonly line: number) {
    super(`line ${line}: ${message}`)
    this.name = 'FlatYamlError'
  }
}

const KEY_LINE = /^([A-Za-z_][A-Za-z0-9_]*):(?:\s+(.*))?$/u

export function parseFlatYaml(text: string): Record<string, FlatYamlValue> {
  const result: Record<string, FlatYamlValue> = {}
  const lines = text.split(/\r?\n/u)
  for (let index = 0; index < lines.length; index += 1) {
    const lineNumber = index + 1
    const line = stripComment(lines[index]).trimEnd()
    if (line.trim() === '') continue
    if (/^\s/u.test(line)) throw new FlatYamlError('indented line outside a list (nesting is not supported)', lineNumber)
    const match = KEY_LINE.exec(line)
    if (!match) throw new FlatYamlError(`expected "key: value", got "${line}"`, lineNumber)
    const key = match[1]
    if (key in result) throw new FlatYamlError(`duplicate key "${key}"`, lineNumber)
    let raw = (match[2] ?? '').trim()
    if (raw.startsWith('[')) {
      // A flow list ends at its closing bracket, possibly some lines further down.
      while (!raw.endsWith(']')) {
        index += 1
        if (index >= lines.length) throw new FlatYamlError(`list of "${key}" is never closed`, lineNumber)
        raw += ` ${stripComment(lines[index]).trim()}`
      }
      result[key] = parseList(raw.slice(1, -1), lineNumber)
    } else {
      result[key] = parseScalar(raw, lineNumber)
    }
  }
  return result
}

/** Drops a `#` comment unless the `#` is inside quotes. */
function stripComment(line: string): string {
  let quote: string | null = null
  for (let i = 0; i < line.length; i += 1) {
    const char = line[i]
    if (quote) {
      if (char === quote) quote = null
    } else if (char === "'" || char === '"') {
      quote = char
    } else if (char === '#' && (i === 0 || /\s/u.test(line[i - 1]))) {
      return line.slice(0, i)
    }
  }
  return line
}

function parseList(body: string, line: number): string[] {
  const items: string[] = []
  // One item and the comma (or end) after it; sticky, so every character must belong to an item.
  const item = /\s*(?:'([^']*)'|"([^"]*)"|([^,'"]*?))\s*(,|$)/uy
  let position = 0
  while (body.slice(position).trim() !== '') {
    item.lastIndex = position
    const match = item.exec(body)
    if (!match) throw new FlatYamlError(`cannot read list item near "${body.slice(position, position + 20).trim()}"`, line)
    const value = match[1] ?? match[2] ?? match[3]
    if (match[1] === undefined && match[2] === undefined && value === '') throw new FlatYamlError('empty list item', line)
    items.push(value)
    if (match[4] === '') break
    position = item.lastIndex
  }
  return items
}

function parseScalar(raw: string, line: number): string | number | boolean | null {
  if (raw === '' || raw === '~' || raw === 'null') return null
  if (raw === 'true') return true
  if (raw === 'false') return false
  if (/^-?\d+(?:\.\d+)?$/u.test(raw)) return Number(raw)
  const quoted = /^'([^']*)'$|^"([^"]*)"$/u.exec(raw)
  if (quoted) return quoted[1] ?? quoted[2]
  if (/^['"]/u.test(raw)) throw new FlatYamlError(`unterminated string ${raw}`, line)
  if (/^[{[&*!|>]/u.test(raw)) throw new FlatYamlError(`unsupported YAML value ${raw}`, line)
  return raw
}
