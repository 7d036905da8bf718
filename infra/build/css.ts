/**
 * Builds shared/web/assets/kept.css from GOV.UK Frontend's Sass with Arial
 * in place of GDS Transport (that font is licensed for GOV.UK only). Runs on
 * `npm install` (prepare) and by `npm run build:css`.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import * as sass from 'sass';

// Kept's own few rules: tables that fit a phone (long answers and headings wrap), the printable survey letter (A4, nothing but the letter on paper) and its QR code.
const KEPT_RULES = `
.govuk-table__header, .govuk-table__cell { overflow-wrap: anywhere; }
@media (max-width: 40.0525em) { .govuk-table__header, .govuk-table__cell { padding-right: 8px; } }
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
