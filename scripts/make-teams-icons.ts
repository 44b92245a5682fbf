/**
 * Draws the Teams icons with @napi-rs/canvas: color.png (192×192, full colour)
 * and outline.png (32×32, white on transparent). Run once and commit the PNGs:
 *   node --import tsx scripts/make-teams-icons.ts
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createCanvas, type SKRSContext2D } from '@napi-rs/canvas';

const OUT = join(import.meta.dirname, '..', 'manifest', 'teams');

/** An envelope with a return arrow: mail that came back. */
function envelope(ctx: SKRSContext2D, size: number, stroke: string, lineWidth: number): void {
  const m = size * 0.18;
  const w = size - 2 * m;
  const h = w * 0.68;
  const top = (size - h) / 2;
  ctx.strokeStyle = stroke;
  ctx.lineWidth = lineWidth;
  ctx.lineJoin = 'round';
  ctx.lineCap = 'round';
  ctx.strokeRect(m, top, w, h);
  ctx.beginPath();
  ctx.moveTo(m, top);
  ctx.lineTo(size / 2, top + h * 0.55);
  ctx.lineTo(m + w, top);
  ctx.stroke();
}

function color(): Buffer {
  const size = 192;
  const canvas = createCanvas(size, size);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#1F3A5F';
  ctx.fillRect(0, 0, size, size);
  envelope(ctx, size, '#FFFFFF', 10);
  // The bounce: an orange return arrow in the lower right.
  ctx.strokeStyle = '#F59E0B';
  ctx.lineWidth = 10;
  ctx.beginPath();
  ctx.arc(140, 140, 26, Math.PI * 1.1, Math.PI * 0.5, true);
  ctx.stroke();
  ctx.fillStyle = '#F59E0B';
  ctx.beginPath();
  ctx.moveTo(100, 118);
  ctx.lineTo(126, 112);
  ctx.lineTo(112, 136);
  ctx.closePath();
  ctx.fill();
  return canvas.toBuffer('image/png');
}

function outline(): Buffer {
  const size = 32;
  const canvas = createCanvas(size, size);
  const ctx = canvas.getContext('2d');
  ctx.clearRect(0, 0, size, size);
  envelope(ctx, size, '#FFFFFF', 2);
  return canvas.toBuffer('image/png');
}

writeFileSync(join(OUT, 'color.png'), color());
writeFileSync(join(OUT, 'outline.png'), outline());
console.log(`wrote ${join(OUT, 'color.png')} and ${join(OUT, 'outline.png')}`);
