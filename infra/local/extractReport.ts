/** The end report of an extract import, as the `import` command prints it. */
import type { ExtractReport } from '#services/importExtract.js';

export function problemsText(dir: string, report: ExtractReport): string {
  const lines = report.problems.map((p) => `  ${p.file} line ${p.line}: ${p.column}: ${p.message}`);
  return `import: ${dir} was not imported; nothing was written. Fix these rows and run it again:\n${lines.join('\n')}\n`;
}

export function reportText(dir: string, report: ExtractReport): string {
  const out: string[] = [`Imported ${dir}.`, 'Rows read:'];
  for (const [table, rows] of Object.entries(report.rowsRead)) out.push(`  ${table}: ${rows}`);
  const f = report.facts;
  out.push(`Facts: ${f.created} created, ${f.replaced} replaced, ${f.unchanged} unchanged.`);
  out.push(`Children: ${report.childrenCreated} created, ${report.childrenUpdated} updated. Staff: ${report.staffCreated} created.`);
  if (report.staffAwaitingEmail.length) {
    out.push(`Staff awaiting an email (no digest or sign-in until \`npm run import -- --staff FILE\` or an admin gives one): ${report.staffAwaitingEmail.join(', ')}`);
  }
  if (report.unallocated.length) {
    out.push(`Unallocated (created with every duty, held by no one until a manager allocates them):`);
    for (const u of report.unallocated) out.push(`  ${u.childId}: ${u.reason}`);
  }
  if (report.skipped.length) {
    out.push(`Skipped (${report.skipped.length}):`);
    for (const s of report.skipped) out.push(`  ${s.file} line ${s.line}: ${s.reason}`);
  }
  if (report.unknownCodes.length) {
    out.push(`Codes Kept does not know (${report.unknownCodes.length}; each row read the strictest way that fits):`);
    for (const u of report.unknownCodes) out.push(`  ${u.file} line ${u.line}: ${u.column} ${u.code}: ${u.reading}`);
  }
  for (const l of report.leavers) {
    out.push(`${l.staffId} seems to have left: every involvement ended, the last on ${l.lastInvolvementEnded}. Their children, not moved: ${l.children.join(', ') || 'none'}`);
  }
  if (report.withdrawn.length) {
    out.push(`Withdrawn, their row no longer in the extract (a correction kept in the history) (${report.withdrawn.length}):`);
    for (const w of report.withdrawn) out.push(`  ${w.childId}: ${w.source}`);
  }
  if (report.notInExtract.length) {
    out.push(`In Kept but not in this extract (kept, not deleted): ${report.notInExtract.join(', ')}`);
  }
  for (const note of report.notes) out.push(`Note: ${note}`);
  return `${out.join('\n')}\n`;
}
