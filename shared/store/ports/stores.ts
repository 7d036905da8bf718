import type { AuditLog } from './audit.js';
import type { CaseStore } from './cases.js';
import type { CouncilStore } from './councils.js';
import type { ExportJobs } from './exports.js';
import type { ImportLock } from './importLock.js';
import type { SendClaims } from './sendClaims.js';
import type { StaffStore } from './staff.js';
import type { SubjectRecords } from './subjects.js';
import type { SurveyStore } from './surveys.js';

/** Councils, staff and cases together, as most handlers need them. */
export type KeptStore = CouncilStore & StaffStore & CaseStore;

/** Every port, as the places that make the adapters hand them out. */
export interface Stores {
  store: KeptStore;
  claims: SendClaims;
  importLock: ImportLock;
  surveys: SurveyStore;
  audit: AuditLog;
  subjects: SubjectRecords;
  exports: ExportJobs;
}
