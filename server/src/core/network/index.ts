/** Discourse networks as Discourse Network Analyzer (DNA) defines them: statements, matrices, time windows and writers. */
export * from './networkOptions';
export * from './networkSteps';
export * from './networkDates';
export * from './networkStatements';
export * from './networkMatrix';
export * from './computeNetwork';
export * from './networkWriters';
