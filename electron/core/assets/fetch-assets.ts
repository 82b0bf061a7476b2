import { createReadStream } from 'node:fs'
import { rm, stat } from 'node:fs/promises'
import {
  findAsset,
  loadAssetManifest,
  type Asset,
  type AssetManifest,
  type DerivedMediaAsset,
  type DownloadSource
} from './asset-manifest'
import { destinationPath, mirrorPath } from './asset-paths'
import { writeAtomically } from '../fs/atomic-file'
import { checkAssetFile } from './check-assets'
import { describeDownloadFailure, downloadToFile, isUnreachableHost, type FetchFn } from './download'
import { runFfmpegRecipe } from './ffmpeg-video'
import { assertDigest, writeDigesting } from './integrity'

/**
 * Brings every asset of resources/assets.json to a verified state on disk: from a local mirror when one is
 * given (CI, tests, offline installs), otherwise from its pinned URL; derived media are made with ffmpeg.
 * It never throws for a single asset: each one gets an outcome, and the caller decides what is fatal.
 */

const DEFAULT_IDLE_TIMEOUT_MS = 30_000

export type AssetOutcome =
  | { status: 'ok'; note?: string }
  | { status: 'downloaded'; from: string }
  | { status: 'copied'; from: string }
  | { status: 'generated'; from: string }
  | { status: 'failed'; reason: string }

export type AssetFetchReport = { id: string; destination: string; required: boolean } & AssetOutcome

export interface FetchAssetsOptions {
  rootDir: string
  /** A directory laid out like the shared folder: models/, media/, media/derived/. */
  mirrorDir?: string | undefined
  fetchImpl?: FetchFn | undefined
  /** Needed to make derived media (and to check local encodes); without it those are reported as failed. */
  ffmpegPath?: string | undefined
  log: (line: string) => void
  /** Defaults to `<rootDir>/resources/assets.json`. */
  manifest?: AssetManifest | undefined
  idleTimeoutMs?: number | undefined
}

interface FetchContext {
  rootDir: string
  manifest: AssetManifest
  mirrorDir: string | undefined
  fetchFn: FetchFn
  ffmpegPath: string | undefined
  idleTimeoutMs: number
  log: (line: string) => void
  /** Hosts that failed at the network level: not retried for every other file of this run. */
  unreachableHosts: Set<string>
  outcomes: Map<string, AssetOutcome>
}

export async function fetchAssets(options: FetchAssetsOptions): Promise<AssetFetchReport[]> {
  const manifest = options.manifest ?? loadAssetManifest(options.rootDir)
  const context: FetchContext = {
    rootDir: options.rootDir,
    manifest,
    mirrorDir: options.mirrorDir,
    fetchFn: options.fetchImpl ?? fetch,
    ffmpegPath: options.ffmpegPath,
    idleTimeoutMs: options.idleTimeoutMs ?? DEFAULT_IDLE_TIMEOUT_MS,
    log: options.log,
    unreachableHosts: new Set(),
    outcomes: new Map()
  }
  // Derived media are made from other assets, so those are settled first.
  const ordered = [
    ...manifest.assets.filter((asset) => asset.kind !== 'derived-media'),
    ...manifest.assets.filter((asset) => asset.kind === 'derived-media')
  ]
  const reports: AssetFetchReport[] = []
  for (const asset of ordered) {
    const outcome = await ensureAsset(asset, context).catch(
      (error: unknown): AssetOutcome => ({ status: 'failed', reason: messageOf(error) })
    )
    context.outcomes.set(asset.id, outcome)
    reports.push({ id: asset.id, destination: asset.destination, required: asset.required, ...outcome })
  }
  return reports
}

async function ensureAsset(asset: Asset, context: FetchContext): Promise<AssetOutcome> {
  const finalPath = destinationPath(context.rootDir, asset)
  const current = await checkAssetFile(asset, finalPath, context.ffmpegPath)
  if (current.state === 'valid') return { status: 'ok' }
  if (current.state === 'unverified') return { status: 'ok', note: current.reason }

  if (asset.source.type === 'repository') {
    const problem = current.state === 'missing' ? 'missing' : `damaged (${current.reason})`
    return {
      status: 'failed',
      reason: `is part of the source code and is ${problem}: restore it with "git checkout -- ${asset.destination}"`
    }
  }
  if (current.state === 'invalid') {
    context.log(`${asset.destination}: ${current.reason}; replacing it`)
    // The locator only looks at presence, so a file that failed its check must not stay where it would be used.
    await rm(finalPath, { force: true })
  }
  if (asset.kind === 'derived-media') return deriveMedia(asset, finalPath, context)
  if (context.mirrorDir !== undefined) return copyFromMirror(asset, finalPath, context.mirrorDir, context)
  return download(asset, asset.source, finalPath, context)
}

async function copyFromMirror(
  asset: Asset,
  finalPath: string,
  mirrorDir: string,
  context: FetchContext
): Promise<AssetOutcome> {
  const source = mirrorPath(mirrorDir, asset)
  if (!(await isFile(source))) return { status: 'failed', reason: `not in the mirror (looked for ${source})` }
  context.log(`${asset.destination}: copying from ${source}`)
  try {
    await writeAtomically(finalPath, async (tempPath) => {
      const digest = await writeDigesting(createReadStream(source), tempPath, asset.bytes)
      assertDigest(digest, asset)
    })
  } catch (error) {
    return { status: 'failed', reason: `the mirror's copy ${source} was rejected: ${messageOf(error)}` }
  }
  return { status: 'copied', from: source }
}

async function download(
  asset: Asset,
  source: DownloadSource,
  finalPath: string,
  context: FetchContext
): Promise<AssetOutcome> {
  const failures: string[] = []
  for (const url of [source.url, ...source.fallbackUrls]) {
    const host = new URL(url).host
    if (context.unreachableHosts.has(host)) {
      failures.push(`${host} was unreachable earlier in this run`)
      continue
    }
    context.log(`${asset.destination}: downloading ${url}`)
    try {
      await writeAtomically(finalPath, async (tempPath) => {
        const digest = await downloadToFile(url, tempPath, {
          fetchFn: context.fetchFn,
          idleTimeoutMs: context.idleTimeoutMs,
          maxBytes: asset.bytes
        })
        assertDigest(digest, asset)
      })
      return { status: 'downloaded', from: url }
    } catch (error) {
      if (isUnreachableHost(error)) context.unreachableHosts.add(host)
      failures.push(describeDownloadFailure(error, url))
    }
  }
  return { status: 'failed', reason: `download failed: ${failures.join('; ')}` }
}

async function deriveMedia(asset: DerivedMediaAsset, finalPath: string, context: FetchContext): Promise<AssetOutcome> {
  const { mirrorDir, ffmpegPath } = context
  const mirrored = mirrorDir === undefined ? undefined : mirrorPath(mirrorDir, asset)
  // A mirror's copy saves an encode; without one, the clip is made from its source like on a user's machine.
  if (mirrored !== undefined && (await isFile(mirrored))) {
    context.log(`${asset.destination}: copying from ${mirrored}`)
    try {
      await writeAtomically(finalPath, async (tempPath) => {
        // No byte limit: a local mirror is trusted not to be endless, and encodes vary in size.
        await writeDigesting(createReadStream(mirrored), tempPath, Number.POSITIVE_INFINITY)
        await assertValidFile(asset, tempPath, ffmpegPath)
      })
    } catch (error) {
      return { status: 'failed', reason: `the mirror's copy ${mirrored} was rejected: ${messageOf(error)}` }
    }
    return { status: 'copied', from: mirrored }
  }

  const origin = findAsset(context.manifest, asset.source.from)
  if (origin === undefined || !isSettled(context.outcomes.get(origin.id))) {
    return { status: 'failed', reason: `its source "${asset.source.from}" is not available` }
  }
  if (ffmpegPath === undefined) {
    return { status: 'failed', reason: `ffmpeg is needed to make it from ${origin.destination}, and none was found` }
  }
  context.log(`${asset.destination}: making it from ${origin.destination} with ffmpeg`)
  await writeAtomically(finalPath, async (tempPath) => {
    await runFfmpegRecipe(ffmpegPath, asset.source.args, destinationPath(context.rootDir, origin), tempPath)
    await assertValidFile(asset, tempPath, ffmpegPath)
  })
  return { status: 'generated', from: origin.destination }
}

/** For a freshly made file "unverified" is not good enough: we had the chance to check and could not. */
async function assertValidFile(asset: Asset, filePath: string, ffmpegPath: string | undefined): Promise<void> {
  const check = await checkAssetFile(asset, filePath, ffmpegPath)
  if (check.state === 'valid') return
  throw new Error(check.state === 'missing' ? 'no file was produced' : check.reason)
}

function isSettled(outcome: AssetOutcome | undefined): boolean {
  return outcome !== undefined && outcome.status !== 'failed'
}

async function isFile(path: string): Promise<boolean> {
  const stats = await stat(path).catch(() => undefined)
  return stats?.isFile() ?? false
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
