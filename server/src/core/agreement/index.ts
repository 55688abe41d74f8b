export * from './alpha';
export * from './units';
export * from './unitizing';
export * from './fieldValues';
export * from './compareCoders';
export * from './curation';
