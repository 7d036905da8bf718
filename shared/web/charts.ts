/**
 * Bar charts for the leads' pages. Each label and figure is HTML text in the
 * page's own font size (never below 16 px), so it wraps between words on a
 * phone instead of shrinking or being cut off; only the bar itself is SVG, a
 * rectangle as wide as its share of the track (no inline styles, so the
 * strict CSP holds). The chart is one image to screen readers, named by its
 * title and every figure, and always sits beside a table holding the same
 * figures. A bar whose figure is suppressed is drawn as no bar and labelled
 * as such.
 */
import escapeHtml from 'escape-html';

export interface Bar {
  label: string;
  /** 0 to `max`, or null when the figure is not published. */
  value: number | null;
  /** What is written at the end of the bar: "64%", "c", "not shown". */
  text: string;
}

export function barChart(options: { title: string; bars: Bar[]; max?: number }): string {
  const max = options.max ?? 100;
  const e = escapeHtml;
  const rows = options.bars
    .map((bar) => {
      const share = bar.value == null ? 0 : Math.max(0.5, Math.round((Math.min(Math.max(bar.value, 0), max) / max) * 1000) / 10);
      const rect = bar.value == null || bar.value <= 0 ? '' : `<rect x="0" y="2" width="${share}%" height="20" fill="#1d70b8"></rect>`;
      return (
        `<div class="kept-chart__row"><span class="kept-chart__label govuk-body">${e(bar.label)}</span>` +
        `<span class="kept-chart__bar"><svg class="kept-chart__track" focusable="false" width="100%" height="24" xmlns="http://www.w3.org/2000/svg">` +
        `<rect x="0" y="2" width="100%" height="20" fill="#f3f2f1"></rect>${rect}</svg>` +
        `<span class="kept-chart__value govuk-body">${e(bar.text)}</span></span></div>`
      );
    })
    .join('');
  const description = options.bars.map((b) => `${b.label}: ${b.text}`).join('; ');
  return `<div class="kept-chart" role="img" aria-label="${e(`${options.title}. ${description}`)}">${rows}</div>`;
}
