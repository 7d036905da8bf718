/** Daily at 09:00 Europe/London: open, remind and close survey campaigns. */
import middy from '@middy/core';
import { runSurveyDispatch, type DispatchReport } from '#services/surveyDispatch.js';
import { store, surveyStore } from '#services/context.js';
import { sesSender } from '#email/sender.js';
import { config, scheduledDay } from '#platform/config.js';

export const handler = middy<{ date?: string }, DispatchReport>().handler(async (event) =>
  runSurveyDispatch({
    store: store(),
    surveys: surveyStore(),
    councilId: config.councilId,
    today: scheduledDay(event),
    send: sesSender(),
    appUrl: config.appUrl,
  }),
);
