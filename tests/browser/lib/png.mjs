// A tiny PNG decoder (node's zlib only) and image statistics, so a test can say
// "this screenshot is not blank" or "this one is darker" without pixel guessing.
// Supports what browsers write: 8-bit, non-interlaced, greyscale/RGB/palette,
// with or without alpha. Anything else throws with the reason.

import zlib from 'node:zlib';

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const CHANNELS = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };

/** Decodes a PNG buffer to { width, height, data } with data as RGBA bytes. */
export function decodePng(buf) {
  if (!Buffer.isBuffer(buf) || buf.length < 8 || !buf.subarray(0, 8).equals(SIGNATURE)) {
    throw new Error('decodePng: not a PNG (bad signature)');
  }
  let off = 8;
  let ihdr = null;
  let palette = null;
  let trns = null;
  const idat = [];
  while (off + 8 <= buf.length) {
    const len = buf.readUInt32BE(off);
    const type = buf.toString('latin1', off + 4, off + 8);
    const body = buf.subarray(off + 8, off + 8 + len);
    off += 12 + len;
    if (type === 'IHDR') {
      ihdr = {
        width: body.readUInt32BE(0),
        height: body.readUInt32BE(4),
        bitDepth: body[8],
        colorType: body[9],
        interlace: body[12],
      };
    } else if (type === 'PLTE') palette = body;
    else if (type === 'tRNS') trns = body;
    else if (type === 'IDAT') idat.push(body);
    else if (type === 'IEND') break;
  }
  if (!ihdr) throw new Error('decodePng: no IHDR chunk');
  const { width, height, bitDepth, colorType, interlace } = ihdr;
  if (bitDepth !== 8) throw new Error(`decodePng: bit depth ${bitDepth} not supported (only 8)`);
  if (interlace !== 0) throw new Error('decodePng: interlaced PNG not supported');
  const ch = CHANNELS[colorType];
  if (!ch) throw new Error(`decodePng: colour type ${colorType} unknown`);
  if (colorType === 3 && !palette) throw new Error('decodePng: palette image without PLTE');

  const raw = zlib.inflateSync(Buffer.concat(idat));
  const stride = width * ch;
  if (raw.length < height * (stride + 1)) throw new Error('decodePng: image data too short');
  const px = Buffer.alloc(height * stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const src = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    const row = px.subarray(y * stride, (y + 1) * stride);
    const prev = y > 0 ? px.subarray((y - 1) * stride, y * stride) : null;
    for (let i = 0; i < stride; i++) {
      const a = i >= ch ? row[i - ch] : 0;
      const b = prev ? prev[i] : 0;
      const c = prev && i >= ch ? prev[i - ch] : 0;
      let v = src[i];
      switch (filter) {
        case 0: break;
        case 1: v += a; break;
        case 2: v += b; break;
        case 3: v += (a + b) >> 1; break;
        case 4: {
          const p = a + b - c;
          const pa = Math.abs(p - a), pb = Math.abs(p - b), pc = Math.abs(p - c);
          v += pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
          break;
        }
        default: throw new Error(`decodePng: bad filter ${filter} in row ${y}`);
      }
      row[i] = v & 0xff;
    }
  }

  const data = Buffer.alloc(width * height * 4);
  for (let i = 0, j = 0; i < width * height; i++, j += ch) {
    let r, g, b, a = 255;
    switch (colorType) {
      case 0: r = g = b = px[j]; break;
      case 4: r = g = b = px[j]; a = px[j + 1]; break;
      case 2: r = px[j]; g = px[j + 1]; b = px[j + 2]; break;
      case 6: r = px[j]; g = px[j + 1]; b = px[j + 2]; a = px[j + 3]; break;
      case 3: {
        const k = px[j];
        r = palette[k * 3]; g = palette[k * 3 + 1]; b = palette[k * 3 + 2];
        if (trns && k < trns.length) a = trns[k];
        break;
      }
    }
    data[i * 4] = r; data[i * 4 + 1] = g; data[i * 4 + 2] = b; data[i * 4 + 3] = a;
  }
  return { width, height, data };
}

/**
 * Statistics of an image (a PNG buffer or a decoded image), optionally of a
 * rectangle {x, y, w, h} in image pixels: distinct colours, mean luminance
 * (0..255, Rec. 601) and its standard deviation.
 */
export function imageStats(input, rect = null) {
  const img = Buffer.isBuffer(input) ? decodePng(input) : input;
  const x0 = Math.max(0, Math.floor(rect?.x ?? 0));
  const y0 = Math.max(0, Math.floor(rect?.y ?? 0));
  const x1 = Math.min(img.width, Math.ceil(rect ? rect.x + rect.w : img.width));
  const y1 = Math.min(img.height, Math.ceil(rect ? rect.y + rect.h : img.height));
  const colours = new Set();
  let n = 0, sum = 0, sum2 = 0;
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) {
      const i = (y * img.width + x) * 4;
      const r = img.data[i], g = img.data[i + 1], b = img.data[i + 2];
      colours.add((r << 16) | (g << 8) | b);
      const l = 0.299 * r + 0.587 * g + 0.114 * b;
      sum += l;
      sum2 += l * l;
      n++;
    }
  }
  const mean = n ? sum / n : 0;
  const stddev = n ? Math.sqrt(Math.max(0, sum2 / n - mean * mean)) : 0;
  return { width: img.width, height: img.height, pixels: n, distinctColours: colours.size, meanLuminance: mean, stddev };
}

/**
 * Thresholds for "not blank": a solid fill has 1 colour and stddev 0; a screen
 * with anti-aliased text has dozens of colours and visible contrast.
 */
export const NOT_BLANK = { minDistinctColours: 16, minStddev: 4 };

export function isBlank(stats) {
  return stats.distinctColours < NOT_BLANK.minDistinctColours || stats.stddev < NOT_BLANK.minStddev;
}
