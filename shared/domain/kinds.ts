/** How each obligation kind reads to a person. */
const LABELS: Record<string, string> = {
  'statutory-visit': 'Statutory visit',
  'looked-after-review': 'Looked-after review',
  'care-plan': 'Care plan',
  'placement-plan': 'Placement plan',
  'permanence-plan': 'Permanence plan',
  pep: 'Personal education plan (PEP)',
  'initial-health-assessment': 'Initial health assessment',
  'review-health-assessment': 'Review health assessment',
  'dental-check': 'Dental check',
  sdq: 'Strengths and difficulties questionnaire (SDQ)',
  'return-home-interview': 'Return home interview',
  'pathway-plan': 'Needs assessment and pathway plan',
  'pathway-plan-review': 'Pathway plan review',
  'personal-adviser-contact': 'Personal adviser contact',
  'care-leaver-return': "Care leaver's birthday return (in touch, activity, accommodation)",
  'complaint-response': 'Complaint response',
  'iro-alert-response': 'IRO alert response',
  'iro-alert': 'IRO alert',
};

/** A local rule's kind reads as its words: "cse-risk-assessment" is "Cse risk assessment" unless titled. */
export function kindLabel(kind: string, titles: ReadonlyMap<string, string> = new Map()): string {
  const label = LABELS[kind] ?? titles.get(kind);
  if (label) return label;
  const words = kind.replace(/-/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}
