/**
 * Authoring: the edits behind the editor's annotation commands ("Annotate
 * selection as claim…", "Add selection as alias of actor…", "Create actor
 * from selection…") and the data their pickers and the Actors view show.
 * Pure: each function takes the index and returns minimal edits as offsets.
 */
export * from './change';
export * from './ids';
export * from './selection';
export * from './targetFiles';
export * from './annotateClaim';
export * from './addAlias';
export * from './createActor';
export * from './actorOverview';
