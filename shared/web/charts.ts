/**
 * Inline SVG bar charts. Each is an image with a title and a description for
 * screen readers, and always sits beside a table holding the same figures.
 * A bar whose figure is suppressed is drawn as no bar and labelled as such.
 */
import escapeHtml from 'escape-html';

export interface Bar {
  label: string;
  /** 0 to `max`, or null when the figure is not published. */
  value: number | null;
  /** What is written at the end of the bar: "64%", "c", "no figure". */
  text: string;
}

let counter = 0;

export function barChart(options: { title: string; bars: Bar[]; max?: number }): string {
  const max = options.max ?? 100;
  const id = `chart-${++counter}`;
  const rowHeight = 32;
  const labelWidth = 190;
  const barWidth = 300;
  const width = labelWidth + barWidth + 70;
  const height = options.bars.length * rowHeight + 8;
  const e = escapeHtml;
  const rows = options.bars
    .map((bar, i) => {
      const y = i * rowHeight + 4;
      const w = bar.value == null ? 0 : Math.max(1, Math.round((Math.min(bar.value, max) / max) * barWidth));
      return [
        `<text x="${labelWidth - 8}" y="${y + 20}" text-anchor="end" font-size="15" fill="#0b0c0c">${e(bar.label)}</text>`,
        w ? `<rect x="${labelWidth}" y="${y + 4}" width="${w}" height="22" fill="#1d70b8"></rect>` : '',
        `<text x="${labelWidth + w + 6}" y="${y + 20}" font-size="15" fill="#0b0c0c">${e(bar.text)}</text>`,
      ].join('');
    })
    .join('');
  const description = options.bars.map((b) => `${b.label}: ${b.text}`).join('; ');
  return (
    `<svg class="kept-chart" role="img" aria-labelledby="${id}-title ${id}-desc" viewBox="0 0 ${width} ${height}" width="100%" preserveAspectRatio="xMinYMin meet" xmlns="http://www.w3.org/2000/svg">` +
    `<title id="${id}-title">${e(options.title)}</title><desc id="${id}-desc">${e(description)}</desc>${rows}</svg>`
  );
}
