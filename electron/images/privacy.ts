import piexif from 'piexifjs';
import sharp from 'sharp';

/**
 * Removing where a photo was taken from an original (Settings: "also remove the location from
 * the originals"). Pages never carry any metadata (derivatives have none); this is for the
 * originals kept in the library, which travel in bundles and backups.
 *
 * JPEG, what cameras and phones write, is changed without touching a pixel: the EXIF GPS block is
 * taken out (piexifjs; orientation, date and camera stay) and an XMP packet that repeats the
 * coordinates is dropped. PNG and WebP with a location are written again losslessly, turned
 * upright first (their orientation tag goes with the rest).
 */

const XMP_HEADER = 'http://ns.adobe.com/xap/1.0/\0';
const GPS_IN_XMP = /GPS(Latitude|Longitude|Altitude)|exif:GPS|drone-dji:(Gps|Latitude|Longitude)/i;

/** JPEG segments before the image data, as a binary string; XMP packets that hold a location left out. */
function withoutXmpLocation(jpeg: string): string {
  let at = 2;
  let out = jpeg.slice(0, 2);
  while (at + 4 <= jpeg.length && jpeg.charCodeAt(at) === 0xff) {
    const marker = jpeg.charCodeAt(at + 1);
    // Start of scan: the rest is image data.
    if (marker === 0xda) break;
    const length = (jpeg.charCodeAt(at + 2) << 8) | jpeg.charCodeAt(at + 3);
    const segment = jpeg.slice(at, at + 2 + length);
    const isXmp = marker === 0xe1 && segment.slice(4, 4 + XMP_HEADER.length) === XMP_HEADER;
    if (!(isXmp && GPS_IN_XMP.test(segment))) out += segment;
    at += 2 + length;
  }
  return out + jpeg.slice(at);
}

function hasGps(exif: piexif.ExifDict | null): boolean {
  return !!exif && (Object.keys(exif.GPS ?? {}).length > 0 || exif['0th']?.[piexif.ImageIFD.GPSTag] !== undefined);
}

function loadExif(binary: string): piexif.ExifDict | null {
  try {
    return piexif.load(binary);
  } catch {
    return null;
  }
}

export interface Stripped {
  bytes: Buffer;
  /** Was a location found and removed? */
  changed: boolean;
}

export async function stripLocation(bytes: Buffer, type: 'jpg' | 'png' | 'webp' | 'gif'): Promise<Stripped> {
  if (type === 'gif') return { bytes, changed: false };
  if (type === 'jpg') {
    let binary = bytes.toString('binary');
    const exif = loadExif(binary);
    if (exif && hasGps(exif)) {
      exif.GPS = {};
      if (exif['0th']) delete exif['0th'][piexif.ImageIFD.GPSTag];
      let block: string;
      try {
        block = piexif.dump(exif);
      } catch {
        // Tags piexifjs cannot write again (odd maker notes): keep only the orientation.
        const orientation = exif['0th']?.[piexif.ImageIFD.Orientation];
        block = piexif.dump({ '0th': orientation === undefined ? {} : { [piexif.ImageIFD.Orientation]: orientation } });
      }
      binary = piexif.insert(block, binary);
    }
    binary = withoutXmpLocation(binary);
    const out = Buffer.from(binary, 'binary');
    return out.equals(bytes) ? { bytes, changed: false } : { bytes: out, changed: true };
  }
  const meta = await sharp(bytes).metadata();
  const located = (meta.exif && hasGps(loadExif(meta.exif.toString('binary')))) || (meta.xmp && GPS_IN_XMP.test(meta.xmp.toString('utf8')));
  if (!located) return { bytes, changed: false };
  const upright = sharp(bytes).autoOrient();
  const out = type === 'png' ? await upright.png({ compressionLevel: 9 }).toBuffer() : await upright.webp({ lossless: true }).toBuffer();
  return { bytes: out, changed: true };
}
