/**
 * Minimum-cost assignment (Hungarian method, shortest augmenting paths with dual potentials,
 * O(rows² · columns)). Chosen over a greedy pass because two people crossing paths produce two
 * good IoUs for the same box: greedy would take the single best pair and may leave the other
 * track with the wrong box, whereas the optimum over the whole frame keeps both right. A frame
 * holds at most a few dozen tracks, so the cubic cost is negligible.
 *
 * Returns, for each row, the column given to it or -1. Every row gets a column when there are at
 * least as many columns as rows; callers reject expensive pairs afterwards.
 */
export function solveAssignment(cost: readonly (readonly number[])[]): number[] {
  const rows = cost.length
  const columns = rows === 0 ? 0 : cost[0].length
  if (rows === 0 || columns === 0) return new Array<number>(rows).fill(-1)
  if (rows > columns) {
    const byColumn = solveAssignment(transpose(cost))
    const byRow = new Array<number>(rows).fill(-1)
    byColumn.forEach((row, column) => {
      if (row >= 0) byRow[row] = column
    })
    return byRow
  }
  return assignRowsToColumns(cost, rows, columns)
}

function transpose(matrix: readonly (readonly number[])[]): number[][] {
  return matrix[0].map((_, column) => matrix.map((row) => row[column]))
}

/** Requires rows ≤ columns. Index 0 is a virtual column/row used as the root of each search. */
function assignRowsToColumns(cost: readonly (readonly number[])[], rows: number, columns: number): number[] {
  const rowPotential = new Array<number>(rows + 1).fill(0)
  const columnPotential = new Array<number>(columns + 1).fill(0)
  const rowOfColumn = new Array<number>(columns + 1).fill(0)
  const previousColumn = new Array<number>(columns + 1).fill(0)

  for (let row = 1; row <= rows; row++) {
    rowOfColumn[0] = row
    let column = 0
    const slack = new Array<number>(columns + 1).fill(Number.POSITIVE_INFINITY)
    const visited = new Array<boolean>(columns + 1).fill(false)
    // Grow a tree of tight edges from the new row until it reaches a free column.
    do {
      visited[column] = true
      const fromRow = rowOfColumn[column]
      let delta = Number.POSITIVE_INFINITY
      let nextColumn = 0
      for (let j = 1; j <= columns; j++) {
        if (visited[j]) continue
        const reduced = cost[fromRow - 1][j - 1] - rowPotential[fromRow] - columnPotential[j]
        if (reduced < slack[j]) {
          slack[j] = reduced
          previousColumn[j] = column
        }
        if (slack[j] < delta) {
          delta = slack[j]
          nextColumn = j
        }
      }
      for (let j = 0; j <= columns; j++) {
        if (visited[j]) {
          rowPotential[rowOfColumn[j]] += delta
          columnPotential[j] -= delta
        } else {
          slack[j] -= delta
        }
      }
      column = nextColumn
    } while (rowOfColumn[column] !== 0)
    // Flip the matching along the path found.
    do {
      const back = previousColumn[column]
      rowOfColumn[column] = rowOfColumn[back]
      column = back
    } while (column !== 0)
  }

  const columnOfRow = new Array<number>(rows).fill(-1)
  for (let j = 1; j <= columns; j++) if (rowOfColumn[j] !== 0) columnOfRow[rowOfColumn[j] - 1] = j - 1
  return columnOfRow
}
