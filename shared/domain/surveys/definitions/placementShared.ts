/**
 * What the two bands of the placement survey share.
 *
 * Built from Bromley's five Placement Promises (staying safe, staying healthy,
 * enjoying and achieving, making a positive contribution, economic
 * well-being), plus feeling settled and trusting the adults you live with.
 * Questions in SHARED are asked in both bands as the very same objects (same
 * id, text, options, emoji), so the two bands' results compare; the older band
 * adds its own questions around them.
 */
import type { Question } from '../schema.js';
import { NOT_SURE, YES_A_BIT_NO, YES_SOMETIMES_NO, anythingElse, feelSafeHome } from './common.js';

export const SHARED = {
  feelSafeHome,
  settled: {
    id: 'settled',
    type: 'choice',
    optional: true,
    text: 'Do you feel settled where you live?',
    hint: 'Settled means it feels like home for now.',
    options: YES_A_BIT_NO,
  },
  trustAdults: {
    id: 'trust-adults',
    type: 'choice',
    optional: true,
    text: 'Do you trust the adults you live with?',
    hint: 'Trust means you feel you can count on them.',
    options: YES_A_BIT_NO,
    indicator: 'trust-adults',
    positive: ['yes'],
  },
  adultsTalk: {
    id: 'adults-talk',
    type: 'choice',
    optional: true,
    text: 'Do the adults you live with make time to talk with you?',
    options: YES_SOMETIMES_NO,
  },
  healthyFood: {
    id: 'healthy-food',
    type: 'choice',
    optional: true,
    text: 'Do you get healthy food where you live?',
    options: YES_SOMETIMES_NO,
  },
  feelingsHelp: {
    id: 'feelings-help',
    type: 'choice',
    optional: true,
    text: 'When you feel sad or worried, does an adult help you?',
    options: YES_SOMETIMES_NO,
  },
  homeworkHelp: {
    id: 'homework-help',
    type: 'choice',
    optional: true,
    text: 'Do you get help with your homework when you need it?',
    options: [...YES_SOMETIMES_NO, { value: 'no-homework', label: 'I do not get homework', emoji: '📚' }],
  },
  funThings: {
    id: 'fun-things',
    type: 'choice',
    optional: true,
    text: 'Do you get to do fun things, like sport or a club?',
    options: YES_SOMETIMES_NO,
  },
  friendsVisit: {
    id: 'friends-visit',
    type: 'choice',
    optional: true,
    text: 'Can your friends come to see you where you live?',
    options: YES_SOMETIMES_NO,
  },
  culture: {
    id: 'culture',
    type: 'choice',
    optional: true,
    text: 'Do you get to learn about your family’s culture?',
    hint: 'This could be food, faith, music, language or special days.',
    options: [...YES_A_BIT_NO, NOT_SURE],
  },
  learnMoney: {
    id: 'learn-money',
    type: 'choice',
    optional: true,
    text: 'Are you learning how to look after money?',
    hint: 'Like saving up, or paying for things in a shop.',
    options: YES_A_BIT_NO,
  },
  anythingElse: anythingElse('You do not have to write anything. Please do not write anyone’s name.'),
} satisfies Record<string, Question>;

/** Ids of the questions both placement bands ask, word for word the same. */
export const SHARED_PLACEMENT_QUESTION_IDS: readonly string[] = Object.values(SHARED).map((q) => q.id);

export const PLACEMENT_PURPOSE =
  'We want to know how things are for you where you live. It helps us make things better. There are no right or wrong answers. Please answer the first question, about feeling safe. You can skip any other question.';
