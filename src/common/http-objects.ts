import http from "node:http";
import { type Express } from "express";

/**
 * The request and response classes for the HTTP server of an Express app, whose objects are made
 * with the app's own prototypes (`app.request`, `app.response`).
 *
 * Express gives each request and response those prototypes as it takes them in
 * (`Object.setPrototypeOf` in `app.handle`). Changing an object's prototype after it was made kept
 * every request's objects (its context, rows read, its answer) alive through the next
 * young-generation collection of V8, which then promoted them to the old generation; measured with
 * `--trace-gc-nvp`, each scavenge of a server running the grid scoreboard copied and promoted about
 * 6 MB, the whole of the last eight requests, and paused the server 15–25 ms. Made with the right
 * prototype from the start, Express's call changes nothing (V8 returns at once when the prototype is
 * already the one asked for), and a request's objects die young: a scavenge keeps under 1 MB.
 *
 * `Reflect.construct` with the function itself as `new.target` makes Node's own object with the
 * app's prototype, whether Node defines its classes as functions or as classes.
 */
export function expressHttpClasses(app: Express): http.ServerOptions {
  function AppRequest(this: unknown, ...args: unknown[]) {
    return Reflect.construct(http.IncomingMessage, args, AppRequest) as object;
  }
  AppRequest.prototype = app.request;
  function AppResponse(this: unknown, ...args: unknown[]) {
    return Reflect.construct(http.ServerResponse, args, AppResponse) as object;
  }
  AppResponse.prototype = app.response;
  return {
    IncomingMessage: AppRequest as unknown as typeof http.IncomingMessage,
    ServerResponse: AppResponse as unknown as typeof http.ServerResponse,
  };
}
