/** The demo council's own pledge: our words, after the promises in the seeds. */
import type { PledgeLine } from '#domain/surveys/definitions.js';

export const DEMO_PLEDGE: readonly PledgeLine[] = Object.freeze(
  [
    { id: 'safe-home', text: 'We will find you a safe, warm home where you feel you belong.' },
    { id: 'listen', text: 'We will listen to you, and tell you what we decide and why.' },
    { id: 'worker-alone', text: 'You can always talk to your worker on your own.' },
    { id: 'family-friends', text: 'We will help you keep in touch with the family and friends who matter to you.' },
    { id: 'learning', text: 'We will help you do your best at school, college, training or work.' },
    { id: 'health', text: 'We will help you stay well, in your body and in your mind.' },
    { id: 'celebrate', text: 'We will celebrate the things you do well, your birthday and the days that matter to you.' },
    { id: 'life-skills', text: 'We will help you learn the skills you need to live on your own.' },
    { id: 'door-open', text: 'When you leave care our door stays open: you can come back to us for help until you are 25.' },
    { id: 'keep-our-word', text: 'We will only promise what we can do, and put it right quickly when we get it wrong.' },
  ].map((line) => Object.freeze(line)),
);

