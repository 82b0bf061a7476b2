import type { NormBox } from '../../../../electron/shared/scene'
import type { EventSnapshot } from '../../stores/events-store'

export interface SnapshotViewProps {
  snapshot: EventSnapshot
  boxes: readonly NormBox[]
  /** Shown beside each box when given (same order as `boxes`): the tracked object's number. */
  labels?: readonly string[]
  alt: string
  className?: string
  testId?: string
}

/**
 * An event's image with the boxes of the objects involved drawn over it. The SVG spans the image
 * exactly and counts in image fractions (viewBox 0 0 1 1), which is what the boxes are.
 */
export function SnapshotView({ snapshot, boxes, labels, alt, className, testId }: SnapshotViewProps) {
  return (
    <figure className={`snapshot ${className ?? ''}`} data-testid={testId}>
      <img src={`data:${snapshot.mimeType};base64,${snapshot.base64}`} alt={alt} width={snapshot.width} height={snapshot.height} draggable={false} />
      <svg className="snapshot__boxes" viewBox="0 0 1 1" preserveAspectRatio="none" aria-hidden="true">
        {boxes.map((box, index) => (
          <rect
            key={index}
            className="snapshot__box"
            x={Math.min(box.x1, box.x2)}
            y={Math.min(box.y1, box.y2)}
            width={Math.abs(box.x2 - box.x1)}
            height={Math.abs(box.y2 - box.y1)}
            vectorEffect="non-scaling-stroke"
          />
        ))}
      </svg>
      {labels && labels.length > 0 ? (
        <svg className="snapshot__labels" viewBox={`0 0 ${snapshot.width} ${snapshot.height}`} aria-hidden="true">
          {boxes.map((box, index) =>
            labels[index] ? (
              <text key={index} className="snapshot__label" x={Math.min(box.x1, box.x2) * snapshot.width + 3} y={Math.max(14, Math.min(box.y1, box.y2) * snapshot.height - 5)}>
                {labels[index]}
              </text>
            ) : null
          )}
        </svg>
      ) : null}
    </figure>
  )
}
