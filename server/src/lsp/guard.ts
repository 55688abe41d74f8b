import { ErrorCodes, ResponseError, type CancellationToken } from 'vscode-languageserver';

/** Where the server writes what went wrong. */
export interface ServerLog {
  error(message: string): void;
  info(message: string): void;
}

function describe(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}

/**
 * Wraps a request handler so that an exception becomes an error response for
 * that request only: it is logged, and the server keeps serving. Errors that
 * are already responses (such as RequestCancelled) pass through unlogged.
 */
export function guardRequest<P, R>(log: ServerLog, method: string, handler: (params: P, token: CancellationToken) => R | Promise<R>) {
  return async (params: P, token: CancellationToken): Promise<R | ResponseError<never>> => {
    try {
      return await handler(params, token);
    } catch (error) {
      if (error instanceof ResponseError) return error as ResponseError<never>;
      log.error(`Policy Annotator failed on ${method}: ${describe(error)}`);
      const message = error instanceof Error ? error.message : String(error);
      return new ResponseError<never>(ErrorCodes.InternalError, `Policy Annotator could not answer ${method} (${message}). The server keeps running; its log has the details, please report them.`);
    }
  };
}

/** Wraps a notification handler so that an exception is logged and the server goes on. */
export function guardNotification<P>(log: ServerLog, method: string, handler: (params: P) => void | Promise<void>) {
  return (params: P): void => {
    try {
      const result = handler(params);
      if (result instanceof Promise) result.catch((error: unknown) => log.error(`Policy Annotator failed on ${method}: ${describe(error)}`));
    } catch (error) {
      log.error(`Policy Annotator failed on ${method}: ${describe(error)}`);
    }
  };
}
