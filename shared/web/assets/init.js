// Starts GOV.UK Frontend's components (character count, error summary focus) when JavaScript runs.
import { initAll } from './govuk-frontend.min.js';

initAll();
