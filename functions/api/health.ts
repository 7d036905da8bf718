import { api } from '#http/api.js';
import { json } from '#http/responses.js';
import { today } from '#platform/config.js';

export const handler = api({ roles: 'public' }, async () => json(200, { status: 'ok', today: today() }));
