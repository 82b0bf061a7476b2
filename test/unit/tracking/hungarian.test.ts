import { describe, expect, it } from 'vitest'
import { solveAssignment } from '../../../electron/core/analytics/tracking'

function totalCost(cost: number[][], assignment: number[]): number {
  return assignment.reduce((sum, column, row) => sum + (column >= 0 ? cost[row][column] : 0), 0)
}

describe('solveAssignment', () => {
  it('finds the optimum where a greedy choice of the cheapest pair fails', () => {
    // Greedy takes (0,0)=1 and is then forced into (1,1)=10; the optimum is 2 + 3.
    const cost = [
      [1, 2],
      [3, 10]
    ]
    expect(solveAssignment(cost)).toEqual([1, 0])
  })

  it('matches a brute force on a 4×4 matrix', () => {
    const cost = [
      [9, 2, 7, 8],
      [6, 4, 3, 7],
      [5, 8, 1, 8],
      [7, 6, 9, 4]
    ]
    const assignment = solveAssignment(cost)
    expect(totalCost(cost, assignment)).toBe(13)
    expect(new Set(assignment).size).toBe(4)
  })

  it('handles more rows than columns by leaving rows unassigned', () => {
    const cost = [[5], [1], [3]]
    expect(solveAssignment(cost)).toEqual([-1, 0, -1])
  })

  it('handles more columns than rows', () => {
    expect(solveAssignment([[4, 1, 3]])).toEqual([1])
  })

  it('returns nothing for empty inputs', () => {
    expect(solveAssignment([])).toEqual([])
    expect(solveAssignment([[], []])).toEqual([-1, -1])
  })
})
