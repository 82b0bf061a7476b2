import type { Box } from '../tracking/types'
import { sumLumaByCell } from './luma'
import { assertRgbFrame, type TimedRgbFrame } from './rgb-frame'

export interface BackgroundModelOptions {
  /** Side of the square cells, in pixels; each cell is summarised by its mean luma. */
  cellSize?: number
  /** A cell has changed when its mean luma differs from the background by more than this. */
  changeThreshold?: number
  /** Time constant of the background's running average, in milliseconds. */
  learnTimeConstantMs?: number
  /** A cell that has differed this long is taken into the background and no longer reported. */
  absorbAfterMs?: number
  /**
   * When more than this share of the visible cells changes at once, the whole picture changed
   * (lights switched, exposure jump, camera moved): the background is rebuilt from the frame.
   * 1 disables it.
   */
  sceneChangeFraction?: number
}

export const DEFAULT_BACKGROUND_OPTIONS: Readonly<Required<BackgroundModelOptions>> = {
  cellSize: 8,
  changeThreshold: 20,
  learnTimeConstantMs: 120_000,
  absorbAfterMs: 300_000,
  sceneChangeFraction: 0.5
}

/**
 * A long-term background of the camera's view, coarse (mean luma of 8×8 cells), for the
 * object-removed rule: `update` returns the boxes of connected groups of cells (8-connectivity)
 * that differ from the background, which the rule reads as `RuleFrame.changedRegions`.
 *
 * Learning is a running average whose weight comes from the time elapsed between frames
 * (1 − e^(−Δt/τ)), so the background follows dusk and shadows at the same pace whatever the frame
 * rate. What it does not learn:
 * - cells under an `exclude` box (tracked people and vehicles): someone standing in front of a
 *   display case for ten minutes must not become part of it. Those cells are not reported either,
 *   and their change timers are left as they were;
 * - cells currently changed: a removed object would otherwise fade out of the report within a
 *   few minutes, and a person not tracked (missed by the detector) would leave a trace.
 *
 * A cell that has differed continuously for `absorbAfterMs` is taken into the background at once,
 * so a permanent change (a moved bench) is reported for five minutes, then forgotten. A change of
 * most of the picture at once (over half the visible cells by default) is not a removed object but
 * light or exposure: the visible cells are rebuilt from the frame and nothing is reported. An object removed at that very moment is missed,
 * a price worth paying against alarms in every zone each time the lights go on.
 *
 * The first frame, and any frame of a new size, initialises the background and reports nothing.
 */
export class BackgroundModel {
  private readonly options: Readonly<Required<BackgroundModelOptions>>
  private width = 0
  private height = 0
  private columns = 0
  private rows = 0
  private lastAt = 0
  private initialised = false
  private sums = new Uint32Array(0)
  /** 1 / pixel count of each cell (edge cells may be partial). */
  private inversePixels = new Float64Array(0)
  private current = new Float32Array(0)
  private background = new Float32Array(0)
  /** When each cell started to differ; NaN while it matches the background. */
  private changedSince = new Float64Array(0)
  private excluded = new Uint8Array(0)
  /** Cells to report this frame; consumed by the grouping. */
  private flagged = new Uint8Array(0)
  private stack = new Int32Array(0)

  constructor(options: BackgroundModelOptions = {}) {
    this.options = { ...DEFAULT_BACKGROUND_OPTIONS, ...options }
    const { cellSize, changeThreshold, learnTimeConstantMs, absorbAfterMs, sceneChangeFraction } = this.options
    if (!Number.isInteger(cellSize) || cellSize < 1) throw new RangeError(`cellSize must be a positive integer, got ${cellSize}`)
    if (!(changeThreshold >= 0)) throw new RangeError(`changeThreshold must be ≥ 0, got ${changeThreshold}`)
    if (!(learnTimeConstantMs > 0)) throw new RangeError(`learnTimeConstantMs must be > 0, got ${learnTimeConstantMs}`)
    if (!(absorbAfterMs >= 0)) throw new RangeError(`absorbAfterMs must be ≥ 0, got ${absorbAfterMs}`)
    if (!(sceneChangeFraction > 0 && sceneChangeFraction <= 1)) throw new RangeError(`sceneChangeFraction must be in (0, 1], got ${sceneChangeFraction}`)
  }

  /**
   * Takes in one frame and returns the changed regions in frame pixels. `exclude` holds the boxes
   * of the objects being tracked in this frame, in the same pixels.
   */
  update(frame: TimedRgbFrame, exclude: readonly Box[]): Box[] {
    assertRgbFrame(frame)
    const fresh = !this.initialised || frame.width !== this.width || frame.height !== this.height
    if (fresh) this.allocate(frame.width, frame.height)
    this.measureCells(frame.data)
    const elapsed = frame.at - this.lastAt
    this.lastAt = frame.at
    if (fresh) {
      this.background.set(this.current)
      this.changedSince.fill(NaN)
      this.initialised = true
      return []
    }

    this.markExcluded(exclude)
    // A clock going backwards teaches nothing; a long gap teaches a lot, as it should.
    const weight = elapsed > 0 ? 1 - Math.exp(-elapsed / this.options.learnTimeConstantMs) : 0
    const { visible, changed } = this.compare(frame.at, weight)
    if (changed > this.options.sceneChangeFraction * visible) {
      this.rebuildVisible()
      return []
    }
    return this.groupFlagged()
  }

  private allocate(width: number, height: number): void {
    const cell = this.options.cellSize
    this.width = width
    this.height = height
    this.columns = Math.ceil(width / cell)
    this.rows = Math.ceil(height / cell)
    const cells = this.columns * this.rows
    this.sums = new Uint32Array(cells)
    this.inversePixels = new Float64Array(cells)
    this.current = new Float32Array(cells)
    this.background = new Float32Array(cells)
    this.changedSince = new Float64Array(cells)
    this.excluded = new Uint8Array(cells)
    this.flagged = new Uint8Array(cells)
    this.stack = new Int32Array(cells)
    for (let row = 0; row < this.rows; row++) {
      const cellHeight = Math.min(cell, height - row * cell)
      for (let column = 0; column < this.columns; column++) {
        const cellWidth = Math.min(cell, width - column * cell)
        this.inversePixels[row * this.columns + column] = 1 / (cellWidth * cellHeight)
      }
    }
  }

  /** Mean luma of every cell into `current`. */
  private measureCells(data: Uint8Array): void {
    const { sums, current, inversePixels } = this
    sumLumaByCell(data, this.width, this.height, this.options.cellSize, sums)
    for (let i = 0; i < sums.length; i++) current[i] = sums[i] * inversePixels[i]
  }

  /** Every cell that an exclusion box overlaps, even partly. */
  private markExcluded(exclude: readonly Box[]): void {
    const { excluded, columns, rows } = this
    const cell = this.options.cellSize
    excluded.fill(0)
    for (const box of exclude) {
      const x1 = Math.max(0, box.x1)
      const y1 = Math.max(0, box.y1)
      const x2 = Math.min(this.width, box.x2)
      const y2 = Math.min(this.height, box.y2)
      if (!(x2 > x1 && y2 > y1)) continue
      const firstColumn = Math.floor(x1 / cell)
      const lastColumn = Math.min(columns, Math.ceil(x2 / cell)) - 1
      const firstRow = Math.floor(y1 / cell)
      const lastRow = Math.min(rows, Math.ceil(y2 / cell)) - 1
      for (let row = firstRow; row <= lastRow; row++) excluded.fill(1, row * columns + firstColumn, row * columns + lastColumn + 1)
    }
  }

  /**
   * Flags the visible cells that differ, starts or clears their timers, absorbs the ones that have
   * differed for too long and lets the matching ones learn.
   */
  private compare(at: number, weight: number): { visible: number; changed: number } {
    const { current, background, changedSince, excluded, flagged } = this
    const { changeThreshold: threshold, absorbAfterMs } = this.options
    let visible = 0
    let changed = 0
    flagged.fill(0)
    for (let i = 0; i < current.length; i++) {
      if (excluded[i] === 1) continue
      visible++
      const difference = current[i] - background[i]
      if (difference <= threshold && difference >= -threshold) {
        changedSince[i] = NaN
        background[i] += weight * difference
        continue
      }
      changed++
      if (Number.isNaN(changedSince[i])) changedSince[i] = at
      if (at - changedSince[i] >= absorbAfterMs) {
        background[i] = current[i]
        changedSince[i] = NaN
      } else {
        flagged[i] = 1
      }
    }
    return { visible, changed }
  }

  private rebuildVisible(): void {
    const { current, background, changedSince, excluded } = this
    for (let i = 0; i < current.length; i++) {
      if (excluded[i] === 1) continue
      background[i] = current[i]
      changedSince[i] = NaN
    }
  }

  /** Bounding boxes, in frame pixels, of the 8-connected groups of flagged cells. */
  private groupFlagged(): Box[] {
    const { flagged, stack, columns, rows } = this
    const cell = this.options.cellSize
    const boxes: Box[] = []
    for (let seed = 0; seed < flagged.length; seed++) {
      if (flagged[seed] === 0) continue
      flagged[seed] = 0
      stack[0] = seed
      let size = 1
      let minColumn = columns
      let maxColumn = -1
      let minRow = rows
      let maxRow = -1
      while (size > 0) {
        const index = stack[--size]
        const row = (index / columns) | 0
        const column = index - row * columns
        if (column < minColumn) minColumn = column
        if (column > maxColumn) maxColumn = column
        if (row < minRow) minRow = row
        if (row > maxRow) maxRow = row
        for (let dy = -1; dy <= 1; dy++) {
          const r = row + dy
          if (r < 0 || r >= rows) continue
          for (let dx = -1; dx <= 1; dx++) {
            const c = column + dx
            if (c < 0 || c >= columns) continue
            const neighbour = r * columns + c
            // Cleared when pushed, so each cell enters the stack once and the stack never overflows.
            if (flagged[neighbour] === 1) {
              flagged[neighbour] = 0
              stack[size++] = neighbour
            }
          }
        }
      }
      boxes.push({
        x1: minColumn * cell,
        y1: minRow * cell,
        x2: Math.min(this.width, (maxColumn + 1) * cell),
        y2: Math.min(this.height, (maxRow + 1) * cell)
      })
    }
    return boxes
  }
}
