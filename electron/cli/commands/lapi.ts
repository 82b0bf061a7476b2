import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import type { PixelBox, PlateCorners } from '../../core/lapi/lapi-types'
import { decodeImageFile } from '../../core/lapi/image-file'
import { PlateReader } from '../../core/lapi/plate-reader'
import { summarisePlate, summarisePlates, type PlateSummary } from '../../core/lapi/plate-summary'
import { Detector } from '../../core/analytics/detection/detector'
import { resolveFfmpeg } from '../../core/ingest/ffmpeg-path'
import { UsageError } from './cli-context'

export const LAPI_HELP = `lapi read <image>... [--crop] [--vehicles] [--models DOSSIER]
    Lit les plaques d'immatriculation d'images fixes (PNG, JPEG…) : détection LPD-YuNet, redressement,
    OCR, format (SIV, FNI, étranger). Une ligne par plaque, puis en dernière ligne un tableau JSON
    [{ image, plates: [{ text, format, country, confidence, corners }] }].
    --crop : les images sont déjà des plaques recadrées (pas de détection).
    --vehicles : cherche aussi les plaques dans chaque véhicule détecté (NanoDet-Plus), pour les vues larges.
    Outil d'évaluation hors installation : dans l'application, la LAPI reste soumise au verrou de conformité
    (M1 interdit aux opérateurs municipaux, M1-FPS sous conditions).`

/** One entry of the JSON array printed last. */
export interface LapiImageResult {
  image: string
  plates: PlateSummary[]
  error?: string
}

const DEFAULT_MODELS_DIR = fileURLToPath(new URL('../../../models', import.meta.url))
/** COCO ids of vehicles whose crop may show a plate: car, motorcycle, bus, truck. */
const VEHICLE_CLASS_IDS = new Set([2, 3, 5, 7])
const VEHICLE_DETECTOR_ID = 'nanodet-plus-416'

const WHOLE_IMAGE = (width: number, height: number): PlateCorners => [
  { x: 0, y: 0 },
  { x: width, y: 0 },
  { x: width, y: height },
  { x: 0, y: height }
]

/**
 * Runs without opening the installation (no data folder, no account): it reads files the operator
 * already has and writes nothing. Exit code 0 when every image was decoded, 1 otherwise.
 */
export async function lapiRead(argv: string[], print: (line: string) => void): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      crop: { type: 'boolean', default: false },
      vehicles: { type: 'boolean', default: false },
      models: { type: 'string' }
    }
  })
  if (positionals.length === 0) throw new UsageError('lapi read attend au moins une image')
  if (values.crop && values.vehicles) throw new UsageError('--crop et --vehicles sont incompatibles')
  const modelsDir = resolve(values.models ?? DEFAULT_MODELS_DIR)
  if (!existsSync(modelsDir)) throw new UsageError(`dossier des modèles introuvable : ${modelsDir}`)
  const ffmpeg = resolveFfmpeg().path
  const reader = await PlateReader.load({ modelsDir })
  const vehicles = values.vehicles ? await Detector.load({ modelsDir, modelId: VEHICLE_DETECTOR_ID }) : null
  const results: LapiImageResult[] = []
  try {
    for (const image of positionals) {
      try {
        if (!existsSync(resolve(image))) throw new Error(`fichier introuvable : ${resolve(image)}`)
        const frame = await decodeImageFile(ffmpeg, resolve(image))
        let plates: PlateSummary[]
        if (values.crop) {
          const reading = await reader.readCrop(frame)
          plates = reading.text ? [summarisePlate({ ...reading, corners: WHOLE_IMAGE(frame.width, frame.height) })] : []
        } else {
          const boxes: PixelBox[] = vehicles ? (await vehicles.detect(frame)).filter((d) => VEHICLE_CLASS_IDS.has(d.classId)) : []
          plates = summarisePlates(await reader.read(frame, boxes))
        }
        for (const plate of plates) {
          print(`${image} : ${plate.text} (${plate.format}${plate.country ? `, ${plate.country}` : ''}, confiance ${plate.confidence.toFixed(2)})`)
        }
        if (plates.length === 0) print(`${image} : aucune plaque lue`)
        results.push({ image, plates })
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error)
        print(`${image} : ERREUR ${message}`)
        results.push({ image, plates: [], error: message })
      }
    }
  } finally {
    await reader.dispose()
    await vehicles?.dispose()
  }
  print(JSON.stringify(results))
  return results.some((result) => result.error !== undefined) ? 1 : 0
}
