/**
 * Builds shared/web/assets/kept.css from GOV.UK Frontend's Sass with Arial
 * in place of GDS Transport (that font is licensed for GOV.UK only). Runs on
 * `npm install` (prepare) and by `npm run build:css`.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import * as sass from 'sass';

// Kept's own few rules: tables that fit a phone without breaking a word (a word longer than the whole line is the only one broken; the reports' tables
// stack their rows below tablet width, each cell labelled with its heading: views/kept-table.njk), bar charts of HTML text (shared/web/charts.ts),
// the printable survey letter (A4, nothing but the letter on paper) and its QR code.
const KEPT_RULES = `
.govuk-table__header, .govuk-table__cell { overflow-wrap: break-word; }
.govuk-table__cell--numeric, .govuk-table__header--numeric { white-space: nowrap; }
@media (max-width: 40.0525em) {
  .govuk-table__header, .govuk-table__cell { padding-right: 8px; }
  .kept-table, .kept-table tbody, .kept-table tr { display: block; }
  .kept-table thead { position: absolute !important; width: 1px !important; height: 1px !important; margin: 0 !important; padding: 0 !important; overflow: hidden !important; clip: rect(0 0 0 0) !important; clip-path: inset(50%) !important; border: 0 !important; white-space: nowrap !important; }
  .kept-table caption { display: block; }
  .kept-table tbody tr { border-bottom: 1px solid #b1b4b6; padding: 10px 0; }
  .kept-table tbody th { display: block; border: 0; padding: 0 0 5px; }
  .kept-table tbody td { display: flex; justify-content: space-between; gap: 15px; border: 0; padding: 5px 0; text-align: right; white-space: normal; }
  .kept-table tbody td::before { content: attr(data-label); font-weight: 700; text-align: left; }
}
.kept-chart { margin: 0 0 30px; }
.kept-chart__row { margin-bottom: 10px; }
.kept-chart__label { display: block; margin: 0 0 2px; }
.kept-chart__bar { display: flex; align-items: center; gap: 10px; }
.kept-chart__track { flex: 1 1 auto; min-width: 0; height: 24px; }
.kept-chart__value { flex: none; min-width: 5.5em; margin: 0; white-space: nowrap; }
.kept-qr svg { display: block; width: 100%; max-width: 15rem; height: auto; }
@page { size: A4; margin: 20mm; }
@media print {
  .govuk-skip-link, .govuk-service-navigation, .govuk-footer, .govuk-back-link, .kept-no-print { display: none !important; }
  .govuk-width-container, .govuk-main-wrapper { max-width: none; margin: 0; padding: 0; }
  .kept-letter { border: 0; padding: 0; }
  .kept-letter .kept-qr svg { max-width: 60mm; }
  .kept-letter a.govuk-link::after { content: none; }
}
`;

const out = resolve(import.meta.dirname, '../../shared/web/assets/kept.css');
const result = sass.compileString(
  `@use "pkg:govuk-frontend" with ($govuk-font-family: (arial, sans-serif), $govuk-include-default-font-face: false);
${KEPT_RULES}`,
  { importers: [new sass.NodePackageImporter()], style: 'compressed', quietDeps: true, silenceDeprecations: ['import'] },
);
writeFileSync(out, result.css);
process.stdout.write(`kept.css: ${Math.round(result.css.length / 1024)} KB\n`);
