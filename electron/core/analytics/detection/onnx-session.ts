import { InferenceSession, type Tensor } from 'onnxruntime-node'
import type { RawOutput } from './detection-types'

/**
 * A CPU session as every model of Vigie runs it: one thread by default (the app runs one session
 * per worker thread), errors only in the log (FastestDet's export keeps its weights as graph inputs,
 * which onnxruntime warns about at length).
 */
export function openCpuSession(modelPath: string, intraOpNumThreads = 1): Promise<InferenceSession> {
  return InferenceSession.create(modelPath, { executionProviders: ['cpu'], intraOpNumThreads, logSeverityLevel: 3 })
}

/** Runs the session and gives its outputs in the graph's order, all of which must be float32. */
export async function runForFloat32Outputs(session: InferenceSession, feeds: Record<string, Tensor>, modelId: string): Promise<RawOutput[]> {
  const results = await session.run(feeds)
  return session.outputNames.map((name) => {
    const tensor = results[name]
    if (tensor.type !== 'float32') throw new Error(`Output ${name} of ${modelId} is ${tensor.type}, expected float32`)
    return { dims: tensor.dims, data: tensor.data as Float32Array }
  })
}
