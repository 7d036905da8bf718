/**
 * `npm run --silent token -- --role ROLE [--staff ID] [--council ID]`:
 * prints a bearer token from the local issuer for the local stack.
 */
import { parseArgs } from 'node:util';
import { ROLES, type Role } from '#domain/principal.js';
import { localSettings } from './settings.js';
import { signLocalToken } from './issuer.js';

const DEFAULT_STAFF: Record<Role, string> = { practitioner: 'sw-01', manager: 'tm-1', lead: 'hos-1', admin: 'admin-1' };

const { values } = parseArgs({
  options: { role: { type: 'string' }, staff: { type: 'string' }, council: { type: 'string' }, hours: { type: 'string' } },
});
const role = values.role as Role | undefined;
if (!role || !ROLES.includes(role)) {
  process.stderr.write(`token: --role must be one of ${ROLES.join(', ')}\n`);
  process.exit(2);
}
const settings = localSettings();
const hours = Number(values.hours ?? 12);
if (!(hours > 0 && hours <= 24 * 30)) {
  process.stderr.write('token: --hours must be between 0 and 720\n');
  process.exit(2);
}
const token = await signLocalToken(settings, {
  role,
  staffId: values.staff ?? DEFAULT_STAFF[role],
  councilId: values.council ?? settings.councilId,
  ttl: Math.round(hours * 3600),
});
process.stdout.write(`${token}\n`);
