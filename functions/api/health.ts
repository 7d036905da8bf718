import { api, json } from '../../shared/http/api.js';
import { today } from '../../shared/config.js';

export const handler = api({ roles: 'public' }, async () => json(200, { status: 'ok', today: today() }));
