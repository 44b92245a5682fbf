/**
 * The digest chart: stacked bars per hour by reason, with the expected total
 * as a dashed line — chart.js drawn on @napi-rs/canvas, no browser.
 *
 * Fonts: with no font registered, Skia draws every label as nothing, without
 * an error. So the bundled DejaVu Sans (npm `dejavu-fonts-ttf`) is registered
 * explicitly, and `chartSelfCheck()` renders a test string and fails loudly
 * when it leaves no ink — call it at start-up.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { createCanvas, GlobalFonts } from '@napi-rs/canvas';
import { Chart, registerables, type ChartConfiguration, type Plugin } from 'chart.js';

export const CHART_FONT = 'DejaVu Sans';
const require = createRequire(import.meta.url);

let fontReady = false;
let chartReady = false;

/** Registers the bundled font (once); returns the family name. */
export function registerChartFont(): string {
  if (fontReady) return CHART_FONT;
  const dir = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
  const regular = GlobalFonts.registerFromPath(join(dir, 'DejaVuSans.ttf'), CHART_FONT);
  GlobalFonts.registerFromPath(join(dir, 'DejaVuSans-Bold.ttf'), CHART_FONT);
  if (!regular || !GlobalFonts.has(CHART_FONT)) throw new Error(`The chart font ${CHART_FONT} could not be registered from ${dir}.`);
  fontReady = true;
  return CHART_FONT;
}

/** Dark pixels (any channel below 160, opaque) in a rectangle of RGBA data. */
export function inkIn(data: Uint8ClampedArray | Uint8Array, width: number, x0: number, y0: number, x1: number, y1: number): number {
  let ink = 0;
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) {
      const i = (y * width + x) * 4;
      if (data[i + 3]! > 128 && (data[i]! < 160 || data[i + 1]! < 160 || data[i + 2]! < 160)) ink++;
    }
  }
  return ink;
}

/** Renders a test string with the chart font; throws when it leaves no ink (labels would vanish). */
export function chartSelfCheck(): { family: string; ink: number } {
  const family = registerChartFont();
  const canvas = createCanvas(200, 40);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, 200, 40);
  ctx.fillStyle = '#000000';
  ctx.font = `20px "${family}"`;
  ctx.fillText('Rejects 14:00', 4, 28);
  const ink = inkIn(ctx.getImageData(0, 0, 200, 40).data, 200, 0, 0, 200, 40);
  if (ink < 50) throw new Error(`The chart font ${family} draws no text (ink ${ink}); charts would have no labels.`);
  return { family, ink };
}

const whiteBackground: Plugin = {
  id: 'whiteBackground',
  beforeDraw(chart) {
    const { ctx, width, height } = chart;
    ctx.save();
    ctx.globalCompositeOperation = 'destination-over';
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, width, height);
    ctx.restore();
  },
};

const COLORS = ['#d62728', '#1f77b4', '#ff7f0e', '#2ca02c', '#9467bd', '#8c564b', '#e377c2', '#7f7f7f'];

export interface ChartInput {
  title: string;
  /** Hour labels along the x axis ("14:00"). */
  labels: string[];
  /** Stacked series, largest first; at most 8 are drawn. */
  series: Array<{ label: string; values: number[] }>;
  baseline: { label: string; values: number[] };
  yLabel: string;
  width?: number;
  height?: number;
}

export async function renderChart(input: ChartInput): Promise<Buffer> {
  const family = registerChartFont();
  if (!chartReady) {
    Chart.register(...registerables);
    chartReady = true;
  }
  Chart.defaults.font.family = family;
  Chart.defaults.color = '#222222';
  const width = input.width ?? 1000;
  const height = input.height ?? 420;
  const canvas = createCanvas(width, height);
  const config: ChartConfiguration<'bar' | 'line'> = {
    type: 'bar',
    data: {
      labels: input.labels,
      datasets: [
        {
          type: 'line',
          label: input.baseline.label,
          data: input.baseline.values,
          borderColor: '#000000',
          borderWidth: 2,
          borderDash: [6, 4],
          pointRadius: 0,
          fill: false,
          order: 0,
        },
        ...input.series.slice(0, 8).map((s, i) => ({
          type: 'bar' as const,
          label: s.label,
          data: s.values,
          backgroundColor: COLORS[i % COLORS.length]!,
          stack: 'rejects',
          order: 1,
        })),
      ],
    },
    options: {
      responsive: false,
      animation: false,
      devicePixelRatio: 1,
      plugins: {
        title: { display: true, text: input.title, font: { size: 16, weight: 'bold' } },
        legend: { position: 'bottom', labels: { boxWidth: 14, font: { size: 12 } } },
      },
      scales: {
        x: { stacked: true, ticks: { font: { size: 11 } } },
        y: { stacked: true, beginAtZero: true, title: { display: true, text: input.yLabel } },
      },
    },
    plugins: [whiteBackground],
  };
  // chart.js takes any 2D context; @napi-rs/canvas implements the one it uses.
  const chart = new Chart(canvas.getContext('2d') as unknown as ConstructorParameters<typeof Chart>[0], config);
  try {
    return await canvas.encode('png');
  } finally {
    chart.destroy();
  }
}
