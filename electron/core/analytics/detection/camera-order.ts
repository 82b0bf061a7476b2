/**
 * Keeps results in submission order per camera: with several workers a later frame can finish first, and
 * downstream logic (tracking, line crossing) assumes a camera's frames arrive in order. Cameras do not
 * wait for one another.
 */
export class CameraOrder {
  private readonly lastDelivery = new Map<string, Promise<unknown>>()

  /** Resolves like `result`, but never before the camera's previously sequenced result has settled. */
  sequence<T>(cameraId: string, result: Promise<T>): Promise<T> {
    const previous = this.lastDelivery.get(cameraId) ?? Promise.resolve()
    // A failed earlier frame must not block or fail the later ones, hence the catch.
    const delivered = previous.catch(() => undefined).then(() => result)
    this.lastDelivery.set(cameraId, delivered)
    const forget = (): void => {
      if (this.lastDelivery.get(cameraId) === delivered) this.lastDelivery.delete(cameraId)
    }
    delivered.then(forget, forget)
    return delivered
  }
}
