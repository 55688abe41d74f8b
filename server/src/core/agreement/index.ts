export * from './alpha';
export * from './units';
export * from './unitizing';
export * from './fieldValues';
export * from './coderAnnotations';
export * from './compareCoders';
export * from './loadCoders';
export * from './curation';
