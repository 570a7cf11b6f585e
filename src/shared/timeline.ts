/** What a household's timeline gathers (the `kind` of each event): one list for the SQL, the API and the web app. */
export const TIMELINE_KINDS = ['lead', 'case_step', 'measure', 'visit', 'income', 'helper'] as const;
export type TimelineKind = (typeof TIMELINE_KINDS)[number];
