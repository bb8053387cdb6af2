import exifr from 'exifr';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { imageTypeOf } from '../../electron/library/assets';
import {
  CAMERA_ARTIST,
  CAMERA_GPS,
  CAMERA_MAKE,
  CAMERA_MARKER,
  CAMERA_MODEL,
  CAMERA_OWNER,
  CAMERA_PRIVATE_STRINGS,
  CAMERA_SERIAL,
  cameraPhoto,
  displaySize,
} from '../helpers/cameraPhotos';

/** The mean colour of a square patch (side `size` px) at (left, top) of an upright raster. */
async function patch(photo: Buffer, left: number, top: number, size: number): Promise<number[]> {
  const { data, info } = await sharp(photo).rotate().extract({ left, top, width: size, height: size }).raw().toBuffer({ resolveWithObject: true });
  const sums = [0, 0, 0];
  for (let i = 0; i < data.length; i += info.channels) for (let c = 0; c < 3; c++) sums[c]! += data[i + c]!;
  return sums.map((sum) => sum / (size * size));
}

const isMarker = ([r, g, b]: number[]) => r! > 200 && g! < 60 && b! < 60;

describe('camera-like test photos (tests/helpers/cameraPhotos.ts)', () => {
  it('is a JPEG of the asked size carrying GPS, make, model, serial number, owner and Orientation 6', async () => {
    const photo = await cameraPhoto({ width: 800, height: 600, seed: 3 });
    expect(imageTypeOf(photo)).toBe('jpg');
    const meta = await sharp(photo).metadata();
    expect([meta.width, meta.height, meta.orientation]).toEqual([800, 600, 6]);
    const gps = await exifr.gps(photo);
    expect(gps.latitude).toBeCloseTo(CAMERA_GPS.latitude, 5);
    expect(gps.longitude).toBeCloseTo(CAMERA_GPS.longitude, 5);
    const tags = (await exifr.parse(photo, true)) as Record<string, unknown>;
    expect(tags).toMatchObject({ Make: CAMERA_MAKE, Model: CAMERA_MODEL, Artist: CAMERA_ARTIST, SerialNumber: CAMERA_SERIAL, OwnerName: CAMERA_OWNER });
    expect(await exifr.orientation(photo)).toBe(6);
    // A plain byte search (as tests of exported files do) finds what must not be published.
    for (const text of CAMERA_PRIVATE_STRINGS) expect(photo.includes(Buffer.from(text, 'latin1')), text).toBe(true);
  });

  it('is upright once its Orientation is applied, for every orientation', async () => {
    for (let orientation = 1; orientation <= 8; orientation++) {
      const photo = await cameraPhoto({ width: 400, height: 300, seed: 1, orientation });
      expect(await exifr.orientation(photo), `orientation ${orientation}`).toBe(orientation);
      const upright = displaySize(400, 300, orientation);
      const info = await sharp(photo).rotate().toBuffer({ resolveWithObject: true }).then((result) => result.info);
      expect([info.width, info.height], `orientation ${orientation}`).toEqual([upright.width, upright.height]);
      const side = Math.floor(Math.min(upright.width, upright.height) * CAMERA_MARKER.size) - 4;
      expect(isMarker(await patch(photo, 2, 2, side)), `orientation ${orientation}: marker top left`).toBe(true);
      for (const [left, top] of [
        [upright.width - side - 2, 2],
        [2, upright.height - side - 2],
        [upright.width - side - 2, upright.height - side - 2],
      ] as const) {
        expect(isMarker(await patch(photo, left, top, side)), `orientation ${orientation}: no marker at ${left},${top}`).toBe(false);
      }
    }
  });

  it('is the same for the same seed and different for another', async () => {
    const a = await cameraPhoto({ width: 320, height: 240, seed: 7 });
    const b = await cameraPhoto({ width: 320, height: 240, seed: 7 });
    const c = await cameraPhoto({ width: 320, height: 240, seed: 8 });
    expect(a.equals(b)).toBe(true);
    expect(a.equals(c)).toBe(false);
  });

  it('refuses an orientation that is not 1–8', async () => {
    await expect(cameraPhoto({ width: 40, height: 30, orientation: 9 })).rejects.toThrow(RangeError);
  });
});
