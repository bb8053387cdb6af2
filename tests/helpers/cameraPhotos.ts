import sharp, { type Sharp } from 'sharp';

/**
 * Camera-like test photos: the size, weight and metadata of what a reporter's camera or phone
 * really hands the newsroom (issue 9, "Photos for the web"). A drawn scene (sky, sun, river,
 * buildings, trees: different for every seed) with sensor-like grain on top, saved as a JPEG at
 * quality 92, so that a 4000×3000 photo weighs 2–4 MB, as a real one does. It carries the EXIF a
 * camera writes, including what must never reach the public web: where it was taken (GPS), the
 * camera's serial number and its owner's name, and an Orientation tag (by default 6: the stored
 * pixels are 4000×3000 but the picture is upright only once turned 90° clockwise, 3000×4000, as
 * from a camera held on its side). Whatever the orientation, the picture is upright when the tag is
 * applied, with a red square in its top-left corner (CAMERA_MARKER) to prove it.
 *
 * The same options give the same bytes (the grain comes from a seeded generator, not libvips'
 * random noise), so asset ids are stable from run to run.
 */

export interface CameraPhotoOptions {
  /** Stored pixel width (before the Orientation tag is applied); default 4000. */
  width?: number;
  /** Stored pixel height; default 3000. */
  height?: number;
  /** Picks the scene and the grain; default 1. */
  seed?: number;
  /** The EXIF Orientation tag, 1–8; default 6 (rotate 90° clockwise to display). */
  orientation?: number;
}

/** Where the photos were taken: Ninh Kiều, Cần Thơ (10°01'48" N, 105°46'48" E). */
export const CAMERA_GPS = { latitude: 10.03, longitude: 105.78 } as const;
/** As written in the EXIF GPS IFD (degrees, minutes, seconds). */
export const CAMERA_GPS_DMS = { latitude: [10, 1, 48], longitude: [105, 46, 48] } as const;
export const CAMERA_MAKE = 'Canon';
export const CAMERA_MODEL = 'Canon EOS R6';
/** EXIF BodySerialNumber (0xA431); exifr reports it as `SerialNumber`. */
export const CAMERA_SERIAL = 'NDSK-083021004711';
/** EXIF Artist (0x013B) and CameraOwnerName (0xA430; exifr: `OwnerName`): a person's name. */
export const CAMERA_ARTIST = 'Tran Thi Minh Thu';
export const CAMERA_OWNER = CAMERA_ARTIST;
/** EXIF DateTimeOriginal, as the camera writes it (local time, no zone). */
export const CAMERA_DATE = '2026:11:27 07:42:15';
export const CAMERA_DEFAULT_ORIENTATION = 6;

/**
 * Strings that must not appear anywhere in an exported image or page, for tests that search the
 * exported bytes (ASCII in the EXIF, so a plain byte search finds them).
 */
export const CAMERA_PRIVATE_STRINGS = [CAMERA_SERIAL, CAMERA_ARTIST] as const;

/** mulberry32: a small, fast, seeded 32-bit generator. */
function generator(seed: number): () => number {
  let state = (seed * 0x9e3779b9) >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
}

/** The scene, as SVG in the photo's stored (landscape) pixel size. */
function sceneSvg(width: number, height: number, next: () => number): string {
  const unit = () => next() / 2 ** 32;
  const between = (low: number, high: number) => low + unit() * (high - low);
  const hue = Math.round(between(0, 360));
  const horizon = Math.round(height * between(0.45, 0.6));
  const parts: string[] = [];
  parts.push(
    `<defs>` +
      `<linearGradient id="sky" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="hsl(${hue},60%,35%)"/><stop offset="1" stop-color="hsl(${(hue + 40) % 360},70%,80%)"/></linearGradient>` +
      `<linearGradient id="river" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="hsl(${(hue + 180) % 360},35%,40%)"/><stop offset="1" stop-color="hsl(${(hue + 200) % 360},45%,20%)"/></linearGradient>` +
      `<radialGradient id="sun"><stop offset="0" stop-color="#fff8e0"/><stop offset="1" stop-color="#ffb347" stop-opacity="0"/></radialGradient>` +
      `</defs>`,
  );
  parts.push(`<rect width="${width}" height="${horizon}" fill="url(#sky)"/>`);
  const sunR = height * between(0.08, 0.16);
  parts.push(`<circle cx="${between(0.1, 0.9) * width}" cy="${horizon * between(0.2, 0.6)}" r="${sunR}" fill="url(#sun)"/>`);
  // Buildings along the far bank.
  for (let x = 0; x < width; ) {
    const w = width * between(0.02, 0.07);
    const h = height * between(0.05, 0.28);
    const light = Math.round(between(15, 55));
    parts.push(`<rect x="${x}" y="${horizon - h}" width="${w}" height="${h}" fill="hsl(${(hue + 90) % 360},${Math.round(between(5, 30))}%,${light}%)"/>`);
    // Rows of windows.
    for (let wy = horizon - h + h * 0.08; wy < horizon - h * 0.1; wy += h * 0.12) {
      parts.push(`<rect x="${x + w * 0.15}" y="${wy}" width="${w * 0.7}" height="${h * 0.04}" fill="hsl(50,80%,${light + 25}%)" fill-opacity="0.6"/>`);
    }
    x += w + width * between(0, 0.01);
  }
  parts.push(`<rect y="${horizon}" width="${width}" height="${height - horizon}" fill="url(#river)"/>`);
  // Ripples.
  for (let i = 0; i < 60; i++) {
    const y = between(horizon, height);
    parts.push(`<ellipse cx="${between(0, width)}" cy="${y}" rx="${width * between(0.02, 0.12)}" ry="${height * 0.004}" fill="#fff" fill-opacity="${between(0.05, 0.25).toFixed(2)}"/>`);
  }
  // Boats.
  for (let i = 0; i < 4; i++) {
    const bx = between(0, width * 0.85);
    const by = between(horizon + height * 0.05, height * 0.9);
    const bw = width * between(0.06, 0.14);
    parts.push(`<path d="M${bx} ${by} h${bw} l${-bw * 0.12} ${bw * 0.18} h${-bw * 0.76} z" fill="hsl(${Math.round(between(0, 360))},55%,35%)"/>`);
  }
  // Trees on the near bank.
  for (let i = 0; i < 12; i++) {
    const tx = between(0, width);
    const ty = height * between(0.92, 1.02);
    parts.push(`<ellipse cx="${tx}" cy="${ty}" rx="${width * between(0.03, 0.08)}" ry="${height * between(0.06, 0.14)}" fill="hsl(${Math.round(between(90, 140))},45%,${Math.round(between(12, 30))}%)"/>`);
  }
  // Which way is up (see CAMERA_MARKER).
  const marker = Math.round(Math.min(width, height) * CAMERA_MARKER.size);
  parts.push(`<rect width="${marker}" height="${marker}" fill="rgb(${CAMERA_MARKER.rgb.join(',')})"/>`);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">${parts.join('')}</svg>`;
}

/** Grain standard deviation per channel, in 8-bit levels: what makes the JPEG weigh like a photo. */
const GRAIN_SIGMA = 7;

/**
 * How the stored pixels are made from the upright picture so that a viewer applying the EXIF
 * Orientation shows it upright again: the inverse of each orientation's display transform, as a
 * rotation (clockwise) followed by a horizontal flip.
 */
const TO_STORED: Record<number, { rotate: 0 | 90 | 180 | 270; flop: boolean }> = {
  1: { rotate: 0, flop: false },
  2: { rotate: 0, flop: true },
  3: { rotate: 180, flop: false },
  4: { rotate: 180, flop: true },
  5: { rotate: 90, flop: true },
  6: { rotate: 270, flop: false },
  7: { rotate: 270, flop: true },
  8: { rotate: 90, flop: false },
};

/**
 * A marker in the upright picture's top-left corner (a square of pure red, `CAMERA_MARKER.size`
 * of the shorter side), so a test can tell whether a derivative was turned the right way up.
 */
export const CAMERA_MARKER = { corner: 'top-left', rgb: [255, 0, 0], size: 0.06 } as const;

/** The size a viewer shows a photo of this stored size and orientation (5–8 swap the sides). */
export function displaySize(width: number, height: number, orientation: number): { width: number; height: number } {
  return orientation >= 5 ? { width: height, height: width } : { width, height };
}

type Raster = { data: Buffer; width: number; height: number };

async function transform(raster: Raster, apply: (image: Sharp) => Sharp): Promise<Raster> {
  const { data, info } = await apply(sharp(raster.data, { raw: { width: raster.width, height: raster.height, channels: 3 } }))
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}

/** A camera-sized JPEG with GPS, serial number, owner and Orientation in its EXIF (see the module comment). */
export async function cameraPhoto(options: CameraPhotoOptions = {}): Promise<Buffer> {
  const { width = 4000, height = 3000, seed = 1, orientation = CAMERA_DEFAULT_ORIENTATION } = options;
  const toStored = TO_STORED[orientation];
  if (!toStored) throw new RangeError(`orientation must be an integer 1–8, not ${orientation}`);
  const next = generator(seed);
  const upright = displaySize(width, height, orientation);
  const rendered = await sharp(Buffer.from(sceneSvg(upright.width, upright.height, next)))
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  let raster: Raster = { data: rendered.data, width: rendered.info.width, height: rendered.info.height };
  // Separate passes, so that the order (rotate, then flip) is certain.
  if (toStored.rotate) raster = await transform(raster, (image) => image.rotate(toStored.rotate));
  if (toStored.flop) raster = await transform(raster, (image) => image.flop());
  if (raster.width !== width || raster.height !== height || raster.data.length !== width * height * 3) {
    throw new Error(`unexpected raster ${raster.width}×${raster.height} (${raster.data.length} bytes) for ${width}×${height}`);
  }
  // Gaussian-like grain: the sum of four random bytes (Irwin–Hall; standard deviation ≈ 147.8).
  const pixels = raster.data;
  const scale = GRAIN_SIGMA / 147.8;
  for (let i = 0; i < pixels.length; i++) {
    const r = next();
    const noise = ((r & 0xff) + ((r >>> 8) & 0xff) + ((r >>> 16) & 0xff) + (r >>> 24) - 510) * scale;
    const value = pixels[i]! + noise;
    pixels[i] = value < 0 ? 0 : value > 255 ? 255 : value;
  }
  return sharp(pixels, { raw: { width, height, channels: 3 } })
    .withMetadata({ orientation, density: 72 })
    .withExif({
      IFD0: { Make: CAMERA_MAKE, Model: CAMERA_MODEL, Artist: CAMERA_ARTIST, Copyright: `(c) ${CAMERA_ARTIST}`, Software: 'Firmware Version 1.8.1' },
      // IFD2 is the Exif sub-IFD, IFD3 the GPS IFD (libvips' numbering).
      IFD2: { BodySerialNumber: CAMERA_SERIAL, CameraOwnerName: CAMERA_OWNER, DateTimeOriginal: CAMERA_DATE },
      IFD3: {
        GPSLatitudeRef: 'N',
        GPSLatitude: CAMERA_GPS_DMS.latitude.map((part) => `${part}/1`).join(' '),
        GPSLongitudeRef: 'E',
        GPSLongitude: CAMERA_GPS_DMS.longitude.map((part) => `${part}/1`).join(' '),
      },
    })
    .jpeg({ quality: 92 })
    .toBuffer();
}
