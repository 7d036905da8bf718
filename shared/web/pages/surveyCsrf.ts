/**
 * The case page's survey forms carry this cookie's value (Path=/: the case
 * page is under /case, the form posts under /children). Its own module, so
 * the case page's function does not carry the start-survey page and its QR
 * library.
 */
export const SURVEY_CSRF_COOKIE = 'kept_survey_csrf';
