/**
 * A right-to-left TEST language, not a translation: `ar-XB`, the pseudo-locale
 * Android and Chromium use for right-to-left testing. Each string is the
 * English one between RIGHT-TO-LEFT OVERRIDE and POP DIRECTIONAL FORMATTING,
 * so it shows mirrored, and the page is laid out right to left. Only the
 * tests and the local demo register it (`registerRtlTestLanguage`); Kept
 * never ships it. It has the shape a council's professionally translated
 * file has (see shared/domain/surveys/translations/shipped.ts).
 */
import type { SurveyTranslation } from '#domain/surveys/translation.js';
import { registerTranslation } from '#domain/surveys/languages.js';

export const RTL_TEST_LANGUAGE = 'ar-XB';

/** Mirrored English: the marks make a reader see at once that this is the test language. */
const r = (english: string) => `\u202E${english}\u202C`;

export const RTL_TEST_PLACEMENT_8_TO_10: SurveyTranslation = {
  surveyId: 'placement-8-11',
  version: 1,
  language: RTL_TEST_LANGUAGE,
  name: 'Test language, right to left (ar-XB)',
  dir: 'rtl',
  translatedBy: 'Nobody: generated mirrored English for testing right-to-left pages',
  title: r('How is it where you live?'),
  purpose: r('We want to know how things are for you where you live. It helps us make things better. There are no right or wrong answers. Please answer the first question, about feeling safe. You can skip any other question.'),
  sections: {
    home: { title: r('Where you live') },
    healthy: { title: r('Staying well') },
    'fun-and-learning': { title: r('Fun and learning') },
    'growing-up': { title: r('You and growing up') },
    'anything-else': { title: r('Anything else') },
  },
  questions: {
    'feel-safe-home': { text: r('Do you feel safe where you live?'), options: { always: r('Always'), mostly: r('Most of the time'), sometimes: r('Sometimes'), never: r('Never') } },
    settled: { text: r('Do you feel settled where you live?'), hint: r('Settled means it feels like home for now.'), options: { yes: r('Yes'), 'a-bit': r('A bit'), no: r('No') } },
    'trust-adults': { text: r('Do you trust the adults you live with?'), hint: r('Trust means you feel you can count on them.'), options: { yes: r('Yes'), 'a-bit': r('A bit'), no: r('No') } },
    'adults-talk': { text: r('Do the adults you live with make time to talk with you?'), options: { yes: r('Yes'), sometimes: r('Sometimes'), no: r('No') } },
    'healthy-food': { text: r('Do you get healthy food where you live?'), options: { yes: r('Yes'), sometimes: r('Sometimes'), no: r('No') } },
    'feelings-help': { text: r('When you feel sad or worried, does an adult help you?'), options: { yes: r('Yes'), sometimes: r('Sometimes'), no: r('No') } },
    'homework-help': { text: r('Do you get help with your homework when you need it?'), options: { yes: r('Yes'), sometimes: r('Sometimes'), no: r('No'), 'no-homework': r('I do not get homework') } },
    'fun-things': { text: r('Do you get to do fun things, like sport or a club?'), options: { yes: r('Yes'), sometimes: r('Sometimes'), no: r('No') } },
    'friends-visit': { text: r('Can your friends come to see you where you live?'), options: { yes: r('Yes'), sometimes: r('Sometimes'), no: r('No') } },
    culture: { text: r('Do you get to learn about your family’s culture?'), hint: r('This could be food, faith, music, language or special days.'), options: { yes: r('Yes'), 'a-bit': r('A bit'), no: r('No'), 'not-sure': r('Not sure') } },
    'learn-money': { text: r('Are you learning how to look after money?'), hint: r('Like saving up, or paying for things in a shop.'), options: { yes: r('Yes'), 'a-bit': r('A bit'), no: r('No') } },
    'anything-else': { text: r('Is there anything else you want to tell us?'), hint: r('You do not have to write anything. Please do not write anyone’s name.') },
  },
  words: {
    skipLink: r('Skip to main content'),
    helpNow: r('I need help now'),
    back: r('Back'),
    errorPrefix: r('Error'),
    errorSummaryTitle: r('There is a problem'),
    language: r('Language'),
    useLanguage: r('Use this language'),
    anonymous: r('This survey is anonymous. Nobody will know which answers are yours.'),
    confidential: r('This survey is confidential. Your worker can see your answers so they can help you. We will not share them with anyone else without telling you first.'),
    howLong: r('There are {pages} short pages. It takes about {minutes} minutes. You can skip questions marked optional.'),
    answerUntil: r('You can answer until {date}.'),
    startNow: r('Start now'),
    youSaidWeDid: r('You said, we did'),
    pageOf: r('Page {number} of {count}'),
    optional: r('{question} (optional)'),
    scaleHint: r('{min} means {minLabel}, {max} means {maxLabel}.'),
    readAloud: r('Read aloud'),
    continue: r('Continue'),
    charsLimit: r('You can enter up to %{count} characters'),
    charsUnder: r('You have %{count} characters remaining'),
    charsUnderOne: r('You have %{count} character remaining'),
    charsAtLimit: r('You have 0 characters remaining'),
    charsOver: r('You have %{count} characters too many'),
    charsOverOne: r('You have %{count} character too many'),
    chooseAnswer: r('Choose an answer to: {question}'),
    chooseNumber: r('Choose a number from {min} to {max} for: {question}'),
    writeAnswer: r('Write an answer to: {question}'),
    tooLong: r('Write {max} characters or fewer'),
    checkTitle: r('Check your answers'),
    change: r('Change'),
    notAnswered: r('Not answered'),
    outOf: r('{value} out of {max}'),
    sendTitle: r('Send your answers'),
    sendWarning: r('When you send your answers you cannot change them.'),
    send: r('Send my answers'),
    thankYou: r('Thank you'),
    gotAnswers: r('We have got your answers'),
    nextTitle: r('What happens next'),
    next: r('The people who run {council}’s services for young people will read what everyone said and tell you what they are changing because of it.'),
    helpIsHere: r('Help is here'),
    helpIntro: r('If you do not feel safe, or you need help now, you can talk to someone.'),
    helpIntroLong: r('If you do not feel safe, or you need help now, you can talk to someone. You do not have to finish the survey first.'),
    yourWorkerNamed: r('Your worker, {name}.'),
    yourWorker: r('Your social worker or personal adviser.'),
    outOfHours: r('{council} out of hours: {phone}, evenings, nights and weekends.'),
    childline: r('Childline: {phone}. It is free and open all day and all night.'),
    danger: r('If you are in danger right now, call 999.'),
    workerAsked: r('Because this survey is confidential, we have asked your worker to get in touch with you today. We have not told them your answers.'),
    getHelpTitle: r('Get help now'),
    backToSurvey: r('Back to the survey'),
    askTitle: r('Ask your worker to contact you'),
    askText: r('We will tell {name} and their manager straight away that you would like them to get in touch today. We will not tell them any of your answers.'),
    theWorker: r('your worker'),
    ask: r('Ask my worker to contact me'),
    askedTitle: r('Done'),
    asked: r('We have asked {name} to contact you today.'),
    askedNoAnswers: r('We have not told them any of your answers.'),
    askUnavailableTitle: r('Important'),
    askUnavailable: r('We could not ask your worker from here. Please call one of the numbers below.'),
    alreadyTitle: r('You have already answered, thank you'),
    already: r('We have your answers. Each link can only be used once.'),
    closedTitle: r('This survey has closed'),
    closed: r('You could answer until {date}. Thank you for wanting to take part.'),
    closedTalk: r('If there is something you want us to know, talk to your worker: you do not have to wait for a survey.'),
    notSavedTitle: r('Sorry, we could not save that'),
    notSaved: r('Please go back, reload the page and try again.'),
    notFoundTitle: r('Page not found'),
    notFound: r('Please use the link in your email.'),
    footer: r('{council}. Kept asks young people in care and care leavers how things are going, so the council can do better.'),
    // The pages these link to are in English only: a translation says so in the link.
    privacyLink: r('What happens to your answers (privacy, in English)'),
    accessibilityLink: r('Accessibility (in English)'),
    cookiesLink: r('Cookies (in English)'),
    footerLinks: r('Support links'),
    inviteSubject: r('{title} – {council}'),
    reminderSubject: r('Reminder: {title} – {council}'),
    inviteHello: r('{council} wants to hear from you.'),
    reminderHello: r('We would still love to hear from you. {council} is asking young people about their lives.'),
    inviteAnonymous: r('It is anonymous: nobody will know which answers are yours.'),
    inviteConfidential: r('It is confidential: your worker can see your answers so they can help you, and nobody else will without telling you first.'),
    // The link itself stays left to right, as in any right-to-left translation.
    inviteAnswerHere: `${r('Answer here:')} {url}`,
    inviteLink: r('Answer the survey'),
    inviteUntil: r('The link is just for you and works until {date}. You can stop and come back to it.'),
    inviteUnsafe: r('If you do not feel safe, talk to your worker, or call Childline on 0800 1111 (free, any time).'),
  },
};

export function registerRtlTestLanguage(): void {
  registerTranslation(RTL_TEST_PLACEMENT_8_TO_10);
}
