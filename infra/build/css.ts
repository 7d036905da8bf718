/**
 * Builds shared/web/assets/kept.css from GOV.UK Frontend's Sass with Arial
 * in place of GDS Transport (that font is licensed for GOV.UK only). Runs on
 * `npm install` (prepare) and by `npm run build:css`.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import * as sass from 'sass';

const out = resolve(import.meta.dirname, '../../shared/web/assets/kept.css');
const result = sass.compileString(
  `@use "pkg:govuk-frontend" with ($govuk-font-family: (arial, sans-serif), $govuk-include-default-font-face: false);`,
  { importers: [new sass.NodePackageImporter()], style: 'compressed', quietDeps: true, silenceDeprecations: ['import'] },
);
writeFileSync(out, result.css);
process.stdout.write(`kept.css: ${Math.round(result.css.length / 1024)} KB\n`);
