/** The store a warm function reuses across invocations. */
import { KeptStore } from '#store/keptStore.js';
import { config } from '#platform/config.js';

import { SurveyStore } from '#store/surveyStore.js';

let current: KeptStore | undefined;
let surveys: SurveyStore | undefined;

export function surveyStore(): SurveyStore {
  if (!surveys || surveys.tableName !== config.tableName) surveys = new SurveyStore(config.tableName);
  return surveys;
}

export function store(): KeptStore {
  if (!current || current.tableName !== config.tableName) current = new KeptStore(config.tableName);
  return current;
}
