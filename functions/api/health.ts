import { api, json } from '#http/api.js';
import { today } from '#platform/config.js';

export const handler = api({ roles: 'public' }, async () => json(200, { status: 'ok', today: today() }));
