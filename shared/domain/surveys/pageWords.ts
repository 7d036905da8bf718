/**
 * The fixed wording of the survey pages (everything that is not a question,
 * a section title or the survey's own title and purpose), in English. A
 * translation gives every one of these keys in its language. `{name}` marks
 * a value filled in when the page is built; a translation keeps each one its
 * English wording has and adds no others.
 */
export const ENGLISH_WORDS = {
  skipLink: 'Skip to main content',
  helpNow: 'I need help now',
  back: 'Back',
  errorPrefix: 'Error',
  errorSummaryTitle: 'There is a problem',
  language: 'Language',
  useLanguage: 'Use this language',
  anonymous: 'This survey is anonymous. Nobody will know which answers are yours.',
  confidential: 'This survey is confidential. Your worker can see your answers so they can help you. We will not share them with anyone else without telling you first.',
  howLong: 'There are {pages} short pages. It takes about {minutes} minutes. You can skip questions marked optional.',
  answerUntil: 'You can answer until {date}.',
  startNow: 'Start now',
  youSaidWeDid: 'You said, we did',
  pageOf: 'Page {number} of {count}',
  optional: '{question} (optional)',
  scaleHint: '{min} means {minLabel}, {max} means {maxLabel}.',
  readAloud: 'Read aloud',
  continue: 'Continue',
  charsLimit: 'You can enter up to %{count} characters',
  charsUnder: 'You have %{count} characters remaining',
  charsUnderOne: 'You have %{count} character remaining',
  charsAtLimit: 'You have 0 characters remaining',
  charsOver: 'You have %{count} characters too many',
  charsOverOne: 'You have %{count} character too many',
  chooseAnswer: 'Choose an answer to: {question}',
  chooseNumber: 'Choose a number from {min} to {max} for: {question}',
  writeAnswer: 'Write an answer to: {question}',
  tooLong: 'Write {max} characters or fewer',
  checkTitle: 'Check your answers',
  change: 'Change',
  notAnswered: 'Not answered',
  outOf: '{value} out of {max}',
  sendTitle: 'Send your answers',
  sendWarning: 'When you send your answers you cannot change them.',
  send: 'Send my answers',
  thankYou: 'Thank you',
  gotAnswers: 'We have got your answers',
  nextTitle: 'What happens next',
  next: 'The people who run {council}’s services for young people will read what everyone said and tell you what they are changing because of it.',
  helpIsHere: 'Help is here',
  helpIntro: 'If you do not feel safe, or you need help now, you can talk to someone.',
  helpIntroLong: 'If you do not feel safe, or you need help now, you can talk to someone. You do not have to finish the survey first.',
  yourWorkerNamed: 'Your worker, {name}.',
  yourWorker: 'Your social worker or personal adviser.',
  outOfHours: '{council} out of hours: {phone}, evenings, nights and weekends.',
  childline: 'Childline: {phone}. It is free and open all day and all night.',
  danger: 'If you are in danger right now, call 999.',
  workerAsked: 'Because this survey is confidential, we have asked your worker to get in touch with you today. We have not told them your answers.',
  getHelpTitle: 'Get help now',
  backToSurvey: 'Back to the survey',
  askTitle: 'Ask your worker to contact you',
  askText: 'We will tell {name} and their manager straight away that you would like them to get in touch today. We will not tell them any of your answers.',
  theWorker: 'your worker',
  ask: 'Ask my worker to contact me',
  askedTitle: 'Done',
  asked: 'We have asked {name} to contact you today.',
  askedNoAnswers: 'We have not told them any of your answers.',
  askUnavailableTitle: 'Important',
  askUnavailable: 'We could not ask your worker from here. Please call one of the numbers below.',
  askOnItsWayTitle: 'On its way',
  askOnItsWay: 'Your request to {name} is being sent now. If you need help straight away, call one of the numbers below.',
  askNotSentTitle: 'Not sent yet',
  askNotSent: 'We could not send your request just now. Please press the button again in a minute, or call one of the numbers below.',
  alreadyTitle: 'You have already answered, thank you',
  already: 'We have your answers. Each link can only be used once.',
  closedTitle: 'This survey has closed',
  closed: 'You could answer until {date}. Thank you for wanting to take part.',
  closedTalk: 'If there is something you want us to know, talk to your worker: you do not have to wait for a survey.',
  notSavedTitle: 'Sorry, we could not save that',
  notSaved: 'Please go back, reload the page and try again.',
  notFoundTitle: 'Page not found',
  notFound: 'Please use the link in your email.',
  footer: '{council}. Kept asks young people in care and care leavers how things are going, so the council can do better.',
  privacyLink: 'What happens to your answers (privacy)',
  accessibilityLink: 'Accessibility',
  cookiesLink: 'Cookies',
  footerLinks: 'Support links',
  // The invitation and reminder emails.
  inviteSubject: '{title} – {council}',
  reminderSubject: 'Reminder: {title} – {council}',
  inviteHello: '{council} wants to hear from you.',
  reminderHello: 'We would still love to hear from you. {council} is asking young people about their lives.',
  inviteAnonymous: 'It is anonymous: nobody will know which answers are yours.',
  inviteConfidential: 'It is confidential: your worker can see your answers so they can help you, and nobody else will without telling you first.',
  inviteAnswerHere: 'Answer here: {url}',
  inviteLink: 'Answer the survey',
  inviteUntil: 'The link is just for you and works until {date}. You can stop and come back to it.',
  inviteUnsafe: 'If you do not feel safe, talk to your worker, or call Childline on 0800 1111 (free, any time).',
} as const;

export type WordKey = keyof typeof ENGLISH_WORDS;
export type PageWords = Readonly<Record<WordKey, string>>;

const PLACEHOLDER = /\{([a-zA-Z]+)\}/g;

/** The `{name}` placeholders a wording uses, sorted. */
export function placeholdersOf(text: string): string[] {
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((m) => m[1]!))].sort();
}

/** Fills a wording's placeholders; one without a value is left as written, so a mistake shows. */
export function fill(text: string, values: Record<string, string | number>): string {
  return text.replace(PLACEHOLDER, (whole, name: string) => (values[name] === undefined ? whole : String(values[name])));
}
